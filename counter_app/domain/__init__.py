"""Domain vocabulary and rules that need no database: enums, workflows, money."""
