"""newslint's built-in rules, one per module; found through the `newslint.rules` entry point."""
