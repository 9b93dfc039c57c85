package RT::Action::ReplybookOutcome;

use strict;
use warnings;
use base 'RT::Action';

use RT::Extension::Replybook::Outcome;

=head1 NAME

RT::Action::ReplybookOutcome - sends kb-server the outcome of a ticket

=head1 DESCRIPTION

Posts the C<outcome> event of the transaction (resolved, reopened, satisfied or dissatisfied with its score) to
kb-server's C</api/v1/events>, where the insights join it to the scripts inserted into the same ticket. A
failure is logged and never stops the ticket's own update.

=cut

sub Prepare {
    my $self = shift;
    $self->{ReplybookEvent} = RT::Extension::Replybook::Outcome->ForTransaction($self->TransactionObj);
    return $self->{ReplybookEvent} ? 1 : 0;
}

sub Commit {
    my $self = shift;
    my $event = $self->{ReplybookEvent} or return 1;
    my $status = eval { RT::Extension::Replybook->SendEvent($event) };
    RT->Logger->warning("Replybook: the outcome of ticket $event->{ticketId} was not sent: " . ($@ || $status))
        unless $status && $status < 300;
    return 1;
}

1;
