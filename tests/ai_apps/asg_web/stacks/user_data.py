def nginx_user_data() -> list[str]:
    return [
        "dnf install -y nginx",
        "echo '<h1>Hello from $(hostname)</h1>' > /usr/share/nginx/html/index.html",
        "systemctl enable --now nginx",
    ]
