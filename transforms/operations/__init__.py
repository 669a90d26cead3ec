"""CDK4xx: operations and cost: scaling, monitoring, logging, tracing, backups, alarms, network cost."""
