# RT::Extension::Replybook — copy to RT_SiteConfig.d/ and edit.
Plugin('RT::Extension::Replybook');

# kb-server as the RT *server* reaches it (the browser never calls it directly).
Set($ReplybookUrl, 'http://127.0.0.1:8080');

# An agent-role API token of kb-server. Keep this file readable by RT only.
Set($ReplybookToken, 'CHANGE-ME');

# Optional: fills ${shop.name} in scripts of tickets that belong to no shop.
Set($ReplybookShopName, 'Example Shop');

# Optional: the kb-server shop of each RT queue (queue name => shop key, '*' for every other queue). The panel then
# suggests that shop's scripts (and those for every shop), in the shop's voice and by its rules, and says which shop
# it works in. Queues not listed (without '*') work in all the shops of the agent token's user.
# Set($ReplybookShops, { 'Tmall' => 'tmall', 'JD' => 'jd' });

# Optional: seconds per kb-server call.
Set($ReplybookTimeout, 10);

# Optional: ticket custom fields that supply script variables; 'customer.tags' (comma-separated values)
# drives the tone through kb-server's tag -> tone mapping (e.g. vip -> formal, 学生 -> lively).
Set($ReplybookCustomFields, {
    'order.id'      => 'Order ID',
    'order.amount'  => 'Order Amount',
    'tracking.no'   => 'Tracking Number',
    'customer.tags' => 'Customer Tags',
});

# Optional: the ticket custom field that names the product or order line. Sent with usage events, so the
# team leads' insights list problems per product (and alert on, e.g., 5 disputes on one product in 7 days).
Set($ReplybookProductField, 'Product');

# Optional (guardrails): team leads decide compensation approvals in their own Replybook panel. Members of this
# RT group call kb-server with the lead-role token below; everyone else with the agent token above.
# Set($ReplybookLeadGroup, 'Replybook Leads');
# Set($ReplybookLeadToken, 'CHANGE-ME-LEAD');
# Optional (ticket loop): the customer's satisfaction rating in a ticket custom field, sent with the outcome
# events of the extension's scrip (install it with rt-setup-database-5 --action insert --datafile etc/initialdata).
# Set($ReplybookSatisfaction, { Field => 'Satisfaction', Scale => 5, SatisfiedFrom => 4 });
# The statuses that count as resolved (default: resolved).
# Set($ReplybookResolvedStatuses, ['resolved']);

1;
