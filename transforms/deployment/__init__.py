"""CDK2xx: deployment: what fails or misbehaves when the stack is deployed."""
