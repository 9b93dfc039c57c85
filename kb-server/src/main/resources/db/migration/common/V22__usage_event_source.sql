-- Where a search event came from: 'ticket' (suggestions computed from the ticket when the panel opened)
-- or 'typed' (the agent typed the query). Analytics counts only typed searches as agents' questions.
ALTER TABLE usage_events ADD COLUMN source VARCHAR(10);
