#!/usr/bin/env python3
import aws_cdk as cdk

from lib.network import NetworkStack
from lib.web_tier import WebTierStack
from lib.database import DatabaseStack

app = cdk.App()
env = cdk.Environment(account="123456789012", region="eu-west-1")

network = NetworkStack(app, "ShopNetwork", env=env)
db = DatabaseStack(app, "ShopDatabase", vpc=network.vpc, env=env)
WebTierStack(app, "ShopWeb", vpc=network.vpc, db_secret=db.secret, env=env)

cdk.Tags.of(app).add("project", "shop")
app.synth()
