#!/usr/bin/env python3
import aws_cdk as cdk

from stacks.notes_api_stack import NotesApiStack

app = cdk.App()
NotesApiStack(app, "NotesApi")
app.synth()
