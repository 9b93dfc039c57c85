package RT::Extension::Replybook::Outcome;

use strict;
use warnings;

=head1 NAME

RT::Extension::Replybook::Outcome - what a ticket transaction says about how the ticket ended up

=head1 DESCRIPTION

Turns one RT transaction into the C<outcome> usage event kb-server joins to the scripts inserted into the same
ticket (issue 18), or into nothing:

=over

=item * a status change into one of C<$ReplybookResolvedStatuses> (default C<resolved>): C<resolved>;

=item * a status change out of an inactive status (resolved, rejected, ...) into an active one: C<reopened>;

=item * a new value of the satisfaction custom field named in C<$ReplybookSatisfaction>: C<satisfied> or
C<dissatisfied> with the C<score> 0-100.

=back

    Set($ReplybookSatisfaction, {
        Field         => 'Satisfaction',   # a ticket custom field holding the customer's rating
        Scale         => 5,                # its highest value: 1-5 stars; the score sent is value / Scale * 100
        SatisfiedFrom => 4,                # from this value up the customer is satisfied, below dissatisfied
        Values        => { 'Good' => 5, 'Bad' => 1 },   # optional: words a select field holds, as numbers
    });
    Set($ReplybookResolvedStatuses, ['resolved']);

=cut

=head2 ForTransaction TRANSACTION

The event (a hash) for TRANSACTION, or undef when it says nothing about the outcome.

=cut

sub ForTransaction {
    my ($class, $txn) = @_;
    my $ticket = $txn->TicketObj;
    return undef unless $ticket && $ticket->id && ($ticket->Type // 'ticket') eq 'ticket';
    my %event;
    if (($txn->Type // '') eq 'Status' || (($txn->Type // '') eq 'Set' && ($txn->Field // '') eq 'Status')) {
        my $outcome = $class->_StatusOutcome($ticket, $txn->OldValue, $txn->NewValue) or return undef;
        %event = (outcome => $outcome);
    } elsif (($txn->Type // '') eq 'CustomField') {
        my $score = $class->_Score($ticket, $txn) // return undef;
        my $config = RT->Config->Get('ReplybookSatisfaction') || {};
        my $from = $config->{SatisfiedFrom} // 4;
        my $scale = $config->{Scale} || 5;
        %event = (outcome => ($score >= _percent($from, $scale) ? 'satisfied' : 'dissatisfied'), score => $score);
    } else {
        return undef;
    }
    my $owner = $ticket->OwnerObj;
    return { type => 'outcome', helpdesk => 'rt', ticketId => '' . $ticket->id, %event,
             ($owner && $owner->id && $owner->id != RT->Nobody->id ? (agent => $owner->Name) : ()) };
}

sub _StatusOutcome {
    my ($class, $ticket, $old, $new) = @_;
    return undef unless defined $new;
    my $lifecycle = $ticket->LifecycleObj;
    my %resolved = map { lc($_) => 1 } @{ RT->Config->Get('ReplybookResolvedStatuses') || ['resolved'] };
    return 'resolved' if $resolved{ lc $new };
    return 'reopened' if defined $old && $lifecycle->IsInactive($old) && $lifecycle->IsActive($new);
    return undef;
}

# The score 0-100 of a change of the satisfaction field, or undef (another field, no value, not a rating).
sub _Score {
    my ($class, $ticket, $txn) = @_;
    my $config = RT->Config->Get('ReplybookSatisfaction') or return undef;
    my $cf = RT::CustomField->new(RT->SystemUser);
    $cf->LoadByName(Name => $config->{Field}, LookupType => RT::Ticket->CustomFieldLookupType);
    return undef unless $cf->id && ($txn->Field // '') eq $cf->id;
    my $value = $ticket->FirstCustomFieldValue($cf->id);
    return undef unless defined $value && length $value;
    $value = $config->{Values}{$value} if $config->{Values} && exists $config->{Values}{$value};
    return undef unless defined $value && $value =~ /^\s*(\d+(?:\.\d+)?)\s*$/;
    my $score = _percent($1, $config->{Scale} || 5);
    return $score > 100 ? 100 : $score;
}

sub _percent {
    my ($value, $scale) = @_;
    return int($value / $scale * 100 + 0.5);
}

1;
