#!/usr/bin/env python3
import aws_cdk as cdk

from stacks.leaderboard_stack import LeaderboardStack
from stacks.dashboard import LeaderboardDashboard

app = cdk.App()
stack = LeaderboardStack(app, "Leaderboard")
LeaderboardDashboard(stack, "Dashboard", score_fn=stack.score_fn, alarm_topic=stack.alarm_topic)
app.synth()
