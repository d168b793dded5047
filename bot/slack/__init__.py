"""The Slack layer: turns Slack events into engine calls and answers into Block Kit."""
