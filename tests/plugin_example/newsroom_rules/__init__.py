"""A newsroom's house rules for newslint (an example plugin)."""
