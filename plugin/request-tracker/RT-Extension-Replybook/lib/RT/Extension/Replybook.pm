package RT::Extension::Replybook;

use strict;
use warnings;

use Encode ();
use HTTP::Tiny;
use JSON ();

our $VERSION = '0.1.0';

=head1 NAME

RT::Extension::Replybook - Replybook reply scripts next to RT's reply box

=head1 DESCRIPTION

Shows the Replybook panel on the ticket reply/comment page: entries suggested from the ticket,
search, tone and channel, variables filled from the ticket, insertion at the editor's caret.
The browser never sees the knowledge-base token: the panel talks to RT
(C</Helpers/Replybook/Proxy>), and RT calls kb-server with the token from C<RT_SiteConfig.pm>.

=head1 CONFIGURATION

    Plugin('RT::Extension::Replybook');
    Set($ReplybookUrl,   'http://127.0.0.1:8080');   # kb-server, as RT's host reaches it
    Set($ReplybookToken, 'rb_...');                  # an agent-role API token of kb-server
    # optional:
    Set($ReplybookShopName, 'Example Shop');         # ${shop.name} for tickets of no shop
    Set($ReplybookShops, { 'Tmall' => 'tmall', 'JD' => 'jd', '*' => 'own-site' });
                                                     # RT queue -> kb-server shop key: the panel works in that shop
    Set($ReplybookTimeout, 10);                      # seconds per kb-server call
    Set($ReplybookCustomFields, {                    # ticket custom fields that supply variables
        'order.id' => 'Order ID', 'order.amount' => 'Order Amount',
        'tracking.no' => 'Tracking Number', 'customer.tags' => 'Customer Tags' });
    Set($ReplybookProductField, 'Product');          # the ticket custom field naming the product or order line:
                                                     # sent with usage events (insights per product), fills ${product.name}
    # optional: team leads decide compensation approvals in their own panel
    Set($ReplybookLeadGroup, 'Replybook Leads');     # an RT group; its members' calls use the lead token
    Set($ReplybookLeadToken, 'rb_...');              # a lead-role API token of kb-server
    Set($ReplybookSatisfaction, { Field => 'Satisfaction', Scale => 5, SatisfiedFrom => 4 });
                                                     # the customer's rating, sent by the outcome scrip (etc/initialdata)

=cut

RT->AddJavaScript('replybook/replybook-messages.js', 'replybook/replybook-widget.js', 'replybook/replybook-guardrails.js',
                  'replybook/replybook-rt.js');
RT->AddStyleSheets('replybook/replybook-widget.css');

# The kb-server calls the panel may make, by method; anything else is refused before leaving RT.
my @ROUTES = (
    [ GET  => qr{^/api/v1/search\?[^#]*$} ],
    [ GET  => qr{^/api/v1/suggest\?[^#]*$} ],
    [ POST => qr{^/api/v1/search/ticket$} ],
    [ GET  => qr{^/api/v1/entries/[A-Za-z0-9._%-]+$} ],
    [ POST => qr{^/api/v1/entries/[A-Za-z0-9._%-]+/render$} ],
    [ POST => qr{^/api/v1/tone/suggest$} ],
    [ GET  => qr{^/api/v1/shops$} ],
    [ POST => qr{^/api/v1/events$} ],
    # guardrails (issue 16): wording and compensation checks, approvals
    [ POST => qr{^/api/v1/wording/check$} ],
    [ POST => qr{^/api/v1/compensation/check$} ],
    [ POST => qr{^/api/v1/approvals$} ],
    [ GET  => qr{^/api/v1/approvals\?[^#]*$} ],
    [ GET  => qr{^/api/v1/approvals/[A-Za-z0-9-]+$} ],
    [ POST => qr{^/api/v1/approvals/[A-Za-z0-9-]+/decision$} ],
    # ticket loop (issue 18): clocks, follow-ups, cases captured in the ticket, training
    [ GET    => qr{^/api/v1/clocks$} ],
    [ POST   => qr{^/api/v1/followups$} ],
    [ GET    => qr{^/api/v1/followups\?[^#]*$} ],
    [ POST   => qr{^/api/v1/followups/[A-Za-z0-9-]+/done$} ],
    [ POST   => qr{^/api/v1/cases$} ],
    [ GET    => qr{^/api/v1/collections(\?[^#]*)?$} ],
    [ GET    => qr{^/api/v1/collections/[A-Za-z0-9-]+(\?[^#]*)?$} ],
    [ POST   => qr{^/api/v1/collections/[A-Za-z0-9-]+/studied$} ],
    [ DELETE => qr{^/api/v1/collections/[A-Za-z0-9-]+/studied$} ],
);

my $MAX_MESSAGES = 5;
my $MAX_MESSAGE_CHARS = 4000;

=head2 Allowed METHOD, PATH

True when the panel may call kb-server's PATH (with query string) with METHOD.

=cut

sub Allowed {
    my ($class, $method, $path) = @_;
    return 0 unless defined $method && defined $path;
    return 0 if $path =~ m{\.\.|//};
    return scalar grep { $_->[0] eq $method && $path =~ $_->[1] } @ROUTES;
}

=head2 Proxy CURRENTUSER, METHOD, PATH, BODY

Calls kb-server with the configured token (the lead token for members of C<$ReplybookLeadGroup>). BODY is a
character string of JSON (or undef). Returns (status, JSON character string). Usage events, approval requests,
follow-ups, captured cases and study marks get the help-desk and RT user name added here, where the browser cannot
forge them (see L</Ticket loop>), and an agent's list of approvals is narrowed to their own.

=cut

sub Proxy {
    my ($class, $user, $method, $path, $body) = @_;
    my $url   = RT->Config->Get('ReplybookUrl');
    my $lead  = $class->IsLead($user);
    my $token = $lead ? RT->Config->Get('ReplybookLeadToken') : RT->Config->Get('ReplybookToken');
    return (500, _error('not_configured', 'Set $ReplybookUrl and $ReplybookToken in RT_SiteConfig.pm'))
        unless $url && $token;
    return (403, _error('forbidden_path', "The panel may not call $method $path")) unless $class->Allowed($method, $path);
    if (($path eq '/api/v1/events' || $path eq '/api/v1/approvals') && defined $body) {
        my $sent = eval { JSON::from_json($body) };
        return (400, _error('bad_json', 'The body is not a JSON object')) unless ref $sent eq 'HASH';
        $sent->{helpdesk} = 'rt';
        $sent->{agent}    = $user->Name;
        $body = JSON::to_json($sent);
    }
    if ($method eq 'GET' && $path =~ m{^/api/v1/approvals\?} && !$lead) {
        $path =~ s{([?&])agent=[^&]*&?}{$1}g;
        $path .= ($path =~ /[?&]$/ ? '' : '&') . 'agent=' . _uri_escape($user->Name);
    }
    my ($error, $status);
    ($path, $body, $error) = $class->_ForAgent($user, $method, $path, $body);
    return @$error if $error;
    ($status, my $content) = $class->_Call($method, $path, $body, undef, $token);
    $content = $class->_AfterFollowup($user, $method, $path, $status, $content) if $path =~ m{^/api/v1/followups};
    return ($status, $content);
}

# The kb-server call itself, with TOKEN (the configured agents' token when undef): (status, JSON character string).
sub _Call {
    my ($class, $method, $path, $body, $timeout, $token) = @_;
    my $url = RT->Config->Get('ReplybookUrl');
    $token //= RT->Config->Get('ReplybookToken');
    $url =~ s{/+$}{};
    my $http = HTTP::Tiny->new(timeout => $timeout || RT->Config->Get('ReplybookTimeout') || 10,
                               agent => "RT-Extension-Replybook/$VERSION");
    my $res = $http->request($method, $url . $path, {
        headers => { Authorization => "Bearer $token", Accept => 'application/json',
                     (defined $body ? ('Content-Type' => 'application/json; charset=utf-8') : ()) },
        (defined $body ? (content => Encode::encode('UTF-8', $body)) : ()),
    });
    if ($res->{status} == 599) {
        RT->Logger->error("Replybook: cannot reach $url: $res->{content}");
        return (502, _error('kb_unreachable', 'RT cannot reach the Replybook server; check $ReplybookUrl'));
    }
    return (200, '{}') if $res->{status} == 204; # the panel reads every answer as JSON
    my $content = eval { Encode::decode('UTF-8', $res->{content} // '', Encode::FB_CROAK) } // '';
    $content = _error('bad_gateway', 'The Replybook server answered with no JSON')
        unless $content =~ /^\s*[\{\[]/;
    return ($res->{status}, $content);
}

=head2 IsLead CURRENTUSER

True when a lead token is configured and the user is a member of C<$ReplybookLeadGroup>.

=cut

sub IsLead {
    my ($class, $user) = @_;
    my $name  = RT->Config->Get('ReplybookLeadGroup');
    return 0 unless $name && RT->Config->Get('ReplybookLeadToken');
    my $group = RT::Group->new(RT->SystemUser);
    $group->LoadUserDefinedGroup($name);
    return $group->id && $group->HasMemberRecursively($user->PrincipalId) ? 1 : 0;
}

=head2 Ticket loop: the calls made for one RT agent

Follow-ups, captured cases and study marks belong to the RT user who makes them, whatever token RT uses: their
name goes into every such call here, where the browser cannot forge it (C<agent> in the body, or the C<agent>
query of a list), and the ticket a follow-up or a case names must be one this user can see. A follow-up that
kb-server recorded also becomes an RT reminder on the ticket (C<RT::Reminders>, due when the follow-up is,
owned by the agent); marking the follow-up done resolves that reminder.

=cut

my %FOR_AGENT_BODY = map { $_ => 1 } qw(followups cases done studied);

sub _ForAgent {
    my ($class, $user, $method, $path, $body) = @_;
    my ($what) = $path =~ m{^/api/v1/(followups|cases)$};
    ($what) = $path =~ m{/(done|studied)$} unless $what;
    if ($what && $FOR_AGENT_BODY{$what} && $method ne 'GET') {
        my $sent = defined $body && length $body ? eval { JSON::from_json($body) } : {};
        return (undef, undef, [400, _error('bad_json', 'The body is not a JSON object')]) unless ref $sent eq 'HASH';
        $sent->{agent} = $user->Name;
        if ($what eq 'followups' || $what eq 'cases') {
            $sent->{helpdesk} = 'rt';
            my $ticket = RT::Ticket->new($user);
            $ticket->Load($sent->{ticketId}) if defined $sent->{ticketId} && $sent->{ticketId} =~ /^\d{1,18}$/;
            return (undef, undef, [404, _error('not_found', 'No RT ticket ' . ($sent->{ticketId} // '') . ' that you can see',
                'ticketId')]) unless $ticket->id && $ticket->CurrentUserHasRight('ShowTicket');
        }
        $body = JSON::to_json($sent);
    } elsif ($method eq 'GET' && $path =~ m{^/api/v1/(followups|collections)}) {
        # a list of the agent's own: whatever the panel asked, the agent is the RT user
        my ($base, $query) = split /\?/, $path, 2;
        my @params = grep { length && !/^agent=/ } split /&/, ($query // '');
        $path = $base . '?' . join '&', @params, 'agent=' . _uri_escape($user->Name);
    }
    return ($path, $body, undef);
}

# After kb-server answered a follow-up call: a new follow-up gets its RT reminder, a done one resolves it.
sub _AfterFollowup {
    my ($class, $user, $method, $path, $status, $content) = @_;
    return $content unless $method eq 'POST' && ($status == 201 || $status == 200);
    my $followup = eval { JSON::from_json($content) };
    return $content unless ref $followup eq 'HASH' && $followup->{id} && $followup->{ticketId};
    if ($status == 201 && $path eq '/api/v1/followups') {
        my ($id, $message) = $class->AddReminder($user, $followup);
        if ($id) { $followup->{rtReminderId} = $id } else { $followup->{rtReminderError} = "$message" }
        return JSON::to_json($followup);
    }
    $class->ResolveReminder($user, $followup) if $path =~ m{/done$};
    return $content;
}

=head2 AddReminder CURRENTUSER, FOLLOWUP

Creates the RT reminder of a follow-up kb-server recorded: on its ticket, owned by the agent, due when it is,
with the note as its subject. Returns (reminder id) or (0, message), e.g. when the agent lacks ModifyTicket.

=cut

sub AddReminder {
    my ($class, $user, $followup) = @_;
    my $due = RT::Date->new($user);
    my $iso = $followup->{dueAt} // '';
    $iso =~ s/^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d).*$/$1 $2/;
    $due->Set(Format => 'ISO', Value => $iso, Timezone => 'UTC');
    my $note = $followup->{note} // '';
    $note =~ s/\s+/ /g;
    my $subject = length $note ? $note : $user->loc('Follow up with the customer (Replybook)');
    $subject = substr($subject, 0, 200);
    my $reminders = RT::Reminders->new($user);
    $reminders->Ticket($followup->{ticketId});
    my ($id, $message) = $reminders->Add(Subject => $subject, Owner => $user->id, Due => $due->ISO);
    return (0, $message) unless $id;
    my $reminder = RT::Ticket->new($user);
    $reminder->Load($id);
    $reminder->SetAttribute(Name => 'ReplybookFollowup', Content => $followup->{id});
    return ($id);
}

=head2 ResolveReminder CURRENTUSER, FOLLOWUP

Resolves the open RT reminder made for FOLLOWUP, if there is one.

=cut

sub ResolveReminder {
    my ($class, $user, $followup) = @_;
    my $reminders = RT::Reminders->new($user);
    $reminders->Ticket($followup->{ticketId});
    my $collection = $reminders->Collection;
    while (my $reminder = $collection->Next) {
        my $mark = $reminder->FirstAttribute('ReplybookFollowup');
        next unless $mark && ($mark->Content // '') eq $followup->{id};
        $reminders->Resolve($reminder) unless $reminder->QueueObj->LifecycleObj->IsInactive($reminder->Status);
    }
}

=head2 SendEvent EVENT

Posts a usage event (a hash) to kb-server with the configured token, within a few seconds: for scrips, which must
never hold up RT for long. Returns the HTTP status (599 when kb-server could not be reached).

=cut

sub SendEvent {
    my ($class, $event) = @_;
    return 500 unless RT->Config->Get('ReplybookUrl') && RT->Config->Get('ReplybookToken');
    my ($status, $content) = $class->_Call('POST', '/api/v1/events', JSON::to_json($event), 5);
    RT->Logger->warning("Replybook: kb-server refused the $event->{type} event of ticket $event->{ticketId}: $status $content")
        if $status >= 400;
    return $status;
}

sub _uri_escape {
    my $s = Encode::encode('UTF-8', shift // '');
    $s =~ s/([^A-Za-z0-9\-._~])/sprintf('%%%02X', ord $1)/ge;
    return $s;
}

sub _error {
    my ($code, $message, $field) = @_;
    return JSON::to_json({ error => { code => $code, message => $message, (defined $field ? (field => $field) : ()) } });
}

=head2 TicketContext TICKET, CURRENTUSER

The ticket as the panel needs it: subject, the latest messages marked customer or agent, the
customer's name and tags, the agent's name and locale, the product (from the custom field named by
C<$ReplybookProductField>, if set), the shop (from the ticket's queue by C<$ReplybookShops>, if set) and the
variables the ticket can supply.

=cut

sub TicketContext {
    my ($class, $ticket, $user) = @_;
    my $requestor = $ticket->Requestors->UserMembersObj->First;
    my $customer  = $requestor ? ($requestor->RealName || $requestor->Name || $requestor->EmailAddress) : '';
    my $agent     = $user->UserObj->RealName || $user->Name;
    my %cf = $class->_CustomFieldValues($ticket);
    my @tags = map { split /\s*[,，]\s*/ } @{ $cf{'customer.tags'} || [] };
    my %vars = (
        'customer.name' => $customer,
        'ticket.id'     => $ticket->id,
        'agent.name'    => $agent,
        'shop.name'     => RT->Config->Get('ReplybookShopName') // '',
    );
    for my $var (grep { $_ ne 'customer.tags' } keys %cf) {
        $vars{$var} = $cf{$var}[0] if @{ $cf{$var} };
    }
    my $product = $class->_Product($ticket);
    $vars{'product.name'} //= $product if defined $product;
    my @messages = $class->_Messages($ticket);
    return {
        ticketId => $ticket->id,
        subject  => $ticket->Subject // '',
        messages => \@messages,
        status   => $ticket->Status,
        clock    => $class->_Clock($ticket),
        customer => { name => $customer, tags => \@tags },
        agent    => { name => $agent },
        locale   => $user->LanguageHandle->language_tag,
        channel  => 'email',
        product  => $product,
        shop     => $class->ShopOf($ticket->QueueObj->Name),
        vars     => \%vars,
    };
}

=head2 ShopOf QUEUENAME

The kb-server shop key of an RT queue by C<$ReplybookShops> (queue name => shop key; the key C<*> for every other
queue), or undef: the panel then works in all the shops of the agent token's user.

=cut

sub ShopOf {
    my ($class, $queue) = @_;
    my $map = RT->Config->Get('ReplybookShops');
    return undef unless ref $map eq 'HASH';
    my $shop = defined $queue && exists $map->{$queue} ? $map->{$queue} : $map->{'*'};
    return defined $shop && length $shop ? "$shop" : undef;
}

# The ticket's product or order line from the custom field named by $ReplybookProductField; undef without one.
sub _Product {
    my ($class, $ticket) = @_;
    my $field = RT->Config->Get('ReplybookProductField') or return undef;
    my $value = $ticket->FirstCustomFieldValue($field);
    return undef unless defined $value && length $value;
    return substr($value, 0, 200);
}

sub _CustomFieldValues {
    my ($class, $ticket) = @_;
    my $map = RT->Config->Get('ReplybookCustomFields') || {};
    my %out;
    for my $var (keys %$map) {
        my $values = $ticket->CustomFieldValues($map->{$var});
        $out{$var} = [ map { $_->Content } @{ $values->ItemsArrayRef } ];
    }
    return %out;
}

# The response clock's two times, over the whole history (the panel gets only the latest messages): when the
# customer first wrote (the FAST stages count from there), and since when a customer message waits for an answer
# (undef when the agent wrote last). ISO 8601 UTC; resolved is true once the ticket is in an inactive status.
sub _Clock {
    my ($class, $ticket) = @_;
    my %requestor = map { $_->id => 1 } @{ $ticket->Requestors->UserMembersObj->ItemsArrayRef };
    my $txns = $ticket->Transactions;
    $txns->Limit(FIELD => 'Type', VALUE => $_, ENTRYAGGREGATOR => 'OR') for qw(Create Correspond);
    $txns->OrderBy(FIELD => 'id', ORDER => 'ASC');
    my ($opened, $waiting);
    while (my $txn = $txns->Next) {
        if ($requestor{ $txn->Creator }) {
            $opened  //= $txn->CreatedObj->W3CDTF(Time => 1);
            $waiting //= $txn->CreatedObj->W3CDTF(Time => 1);
        } else {
            $waiting = undef;
        }
    }
    return {
        openedAt     => $opened // $ticket->CreatedObj->W3CDTF(Time => 1),
        waitingSince => $waiting,
        resolved     => $ticket->LifecycleObj->IsInactive($ticket->Status) ? JSON::true : JSON::false,
    };
}

sub _Messages {
    my ($class, $ticket) = @_;
    my %requestor = map { $_->id => 1 } @{ $ticket->Requestors->UserMembersObj->ItemsArrayRef };
    my $txns = $ticket->Transactions;
    $txns->Limit(FIELD => 'Type', VALUE => $_, ENTRYAGGREGATOR => 'OR') for qw(Create Correspond);
    $txns->OrderBy(FIELD => 'id', ORDER => 'DESC');
    $txns->RowsPerPage($MAX_MESSAGES);
    my @messages;
    while (my $txn = $txns->Next) {
        my $text = $txn->Content(Type => 'text/plain') // '';
        $text = substr($text, 0, $MAX_MESSAGE_CHARS) if length $text > $MAX_MESSAGE_CHARS;
        unshift @messages, { author => ($requestor{ $txn->Creator } ? 'customer' : 'agent'), text => $text,
                             at => $txn->CreatedObj->W3CDTF(Time => 1) };
    }
    return @messages;
}

1;
