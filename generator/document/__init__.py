"""The neutral document: every word the writers print, in print order (the decree, its attachments,
the action table, the booklet), without layout numbers."""
