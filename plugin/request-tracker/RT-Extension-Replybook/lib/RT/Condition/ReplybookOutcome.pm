package RT::Condition::ReplybookOutcome;

use strict;
use warnings;
use base 'RT::Condition';

use RT::Extension::Replybook::Outcome;

=head1 NAME

RT::Condition::ReplybookOutcome - true for a transaction that tells Replybook how a ticket ended up

=head1 DESCRIPTION

A resolve, a reopen, or a new satisfaction rating (see L<RT::Extension::Replybook::Outcome>).

=cut

sub IsApplicable {
    my $self = shift;
    return RT::Extension::Replybook::Outcome->ForTransaction($self->TransactionObj) ? 1 : 0;
}

1;
