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
    Set($ReplybookShopName, 'Example Shop');
    Set($ReplybookTimeout, 10);                      # seconds per kb-server call
    Set($ReplybookCustomFields, {                    # ticket custom fields that supply variables
        'order.id' => 'Order ID', 'order.amount' => 'Order Amount',
        'tracking.no' => 'Tracking Number', 'customer.tags' => 'Customer Tags' });
    Set($ReplybookProductField, 'Product');          # the ticket custom field naming the product or order line:
                                                     # sent with usage events (insights per product), fills ${product.name}
    # optional: team leads decide compensation approvals in their own panel
    Set($ReplybookLeadGroup, 'Replybook Leads');     # an RT group; its members' calls use the lead token
    Set($ReplybookLeadToken, 'rb_...');              # a lead-role API token of kb-server

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
    [ POST => qr{^/api/v1/events$} ],
    # guardrails (issue 16): wording and compensation checks, approvals
    [ POST => qr{^/api/v1/wording/check$} ],
    [ POST => qr{^/api/v1/compensation/check$} ],
    [ POST => qr{^/api/v1/approvals$} ],
    [ GET  => qr{^/api/v1/approvals\?[^#]*$} ],
    [ GET  => qr{^/api/v1/approvals/[A-Za-z0-9-]+$} ],
    [ POST => qr{^/api/v1/approvals/[A-Za-z0-9-]+/decision$} ],
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
character string of JSON (or undef). Returns (status, JSON character string). Usage events and approval requests
get the help-desk and RT user name added here, where the browser cannot forge them, and an agent's list of
approvals is narrowed to their own.

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
    $url =~ s{/+$}{};
    my $http = HTTP::Tiny->new(timeout => RT->Config->Get('ReplybookTimeout') || 10,
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

sub _uri_escape {
    my $s = Encode::encode('UTF-8', shift // '');
    $s =~ s/([^A-Za-z0-9\-._~])/sprintf('%%%02X', ord $1)/ge;
    return $s;
}

sub _error {
    my ($code, $message) = @_;
    return JSON::to_json({ error => { code => $code, message => $message } });
}

=head2 TicketContext TICKET, CURRENTUSER

The ticket as the panel needs it: subject, the latest messages marked customer or agent, the
customer's name and tags, the agent's name and locale, the product (from the custom field named by
C<$ReplybookProductField>, if set) and the variables the ticket can supply.

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
    return {
        ticketId => $ticket->id,
        subject  => $ticket->Subject // '',
        messages => [ $class->_Messages($ticket) ],
        customer => { name => $customer, tags => \@tags },
        agent    => { name => $agent },
        locale   => $user->LanguageHandle->language_tag,
        channel  => 'email',
        product  => $product,
        vars     => \%vars,
    };
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
        unshift @messages, { author => ($requestor{ $txn->Creator } ? 'customer' : 'agent'), text => $text };
    }
    return @messages;
}

1;
