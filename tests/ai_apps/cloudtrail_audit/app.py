#!/usr/bin/env python3
from aws_cdk import core

from audit.trail_stack import AuditTrailStack
from audit.alarms_stack import SecurityAlarmsStack

app = core.App()

trail = AuditTrailStack(app, "AuditTrail")
SecurityAlarmsStack(app, "SecurityAlarms", trail_log_group=trail.log_group,
                    security_email=app.node.try_get_context("security_email"))

app.synth()
