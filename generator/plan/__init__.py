"""The validated plan: the model with its field roles, schedules, validation into positioned
Indonesian messages, the attachment order, and the JSON Schema."""
