/*
 * Replybook widget, part 80: the response clock (issue 18). In the ticket bar: how long the customer's unanswered
 * message has waited against the team's first-response target for the ticket's channel, and the FAST stage the ticket
 * is in with the time left to its deadline (targets from GET /api/v1/clocks, set by leads on the console). Said in
 * words, and in colour: amber once amberPercent of the target is used, red past it (data-state ok|amber|red|answered|
 * resolved); updated every minute.
 * The times come from the host: ctx.clock {openedAt, waitingSince, resolved} (RT works them out over the whole
 * history), else Replybook.clockOf(ctx.messages) from the messages' times (at).
 */
(function (global) {
  'use strict';

  var R = global.Replybook;
  var el = R.util.el;
  var fill = R.fill;
  var MINUTE_MS = 60000;
  var TICK_MS = MINUTE_MS;

  /**
   * The clock's times from messages [{author:'customer'|'agent', at: ISO time}], oldest first: openedAt (the
   * customer's first message; the FAST stages count from it) and waitingSince (the first customer message after the
   * agent's last one; null when the agent wrote last). Null when no message has a time.
   */
  R.clockOf = function (messages) {
    var opened = null;
    var waiting = null;
    var timed = 0;
    (messages || []).forEach(function (m) {
      if (!m.at || isNaN(Date.parse(m.at))) return;
      timed++;
      if (m.author === 'customer') {
        opened = opened || m.at;
        waiting = waiting || m.at;
      } else {
        waiting = null;
      }
    });
    return timed ? { openedAt: opened, waitingSince: waiting, resolved: false } : null;
  };

  /** ok, amber or red for elapsed ms of a target in minutes, amber from amberPercent of it. */
  function stateOf(elapsedMs, targetMinutes, amberPercent) {
    var target = targetMinutes * MINUTE_MS;
    if (elapsedMs >= target) return 'red';
    return elapsedMs >= target * amberPercent / 100 ? 'amber' : 'ok';
  }

  /**
   * The FAST stage a ticket opened elapsedMs ago is in: the first whose deadline is still ahead (else the last, past
   * it), with the time left and its state within the stage's own window (from the previous deadline to its own).
   */
  function stageOf(elapsedMs, targets, stages, amberPercent) {
    var previous = 0;
    for (var i = 0; i < stages.length; i++) {
      var minutes = targets.stageMinutes[stages[i]];
      if (elapsedMs < minutes * MINUTE_MS || i === stages.length - 1) {
        var window = (minutes - previous) * MINUTE_MS;
        var used = elapsedMs - previous * MINUTE_MS;
        var state = used >= window ? 'red' : used >= window * amberPercent / 100 ? 'amber' : 'ok';
        return { id: stages[i], leftMs: minutes * MINUTE_MS - elapsedMs, state: state };
      }
      previous = minutes;
    }
    return null;
  }

  R.on('built', function (w) {
    var clock = w.ctx.clock || R.clockOf(w.ctx.messages);
    if (!clock || !clock.openedAt) return; // no times: no clock rather than a wrong one
    w.api('GET', '/api/v1/clocks').then(function (targets) {
      w.clockTimes = clock;
      w.clockTargets = targets;
      w.buildClock();
      setInterval(function () { w.showClock(); }, TICK_MS);
    }).catch(function (e) {
      if (global.console) console.warn('Replybook: no clock targets', e);
    });
  });

  R.define({
    buildClock: function () {
      var box = el('div', 'rb-clock');
      box.setAttribute('role', 'group');
      box.setAttribute('aria-label', this.t('clock.label'));
      box.appendChild(el('span', 'rb-clock-dot')).setAttribute('aria-hidden', 'true');
      this.clockWait = box.appendChild(el('span', 'rb-clock-wait'));
      this.clockStage = box.appendChild(el('span', 'rb-clock-stage'));
      this.clockBox = box;
      var bar = this.ticketBar();
      bar.insertBefore(box, bar.firstChild);
      this.showClock();
    },

    /** Says the clock as of now: the wait against the target (or answered / resolved), then the FAST stage. */
    showClock: function () {
      var c = this.clockTimes;
      var targets = this.clockTargets;
      var channel = R.CHANNELS.indexOf(this.ctx.channel) >= 0 ? this.ctx.channel : 'email';
      var mine = targets.channels[channel];
      var now = Date.now();
      var state = c.resolved ? 'resolved' : c.waitingSince ? null : 'answered';
      if (state) {
        this.clockWait.textContent = this.t('clock.' + state);
      } else {
        var waited = now - Date.parse(c.waitingSince);
        state = stateOf(waited, mine.firstResponseMinutes, targets.amberPercent);
        this.clockWait.textContent = fill(this.t('clock.waiting'), this.duration(waited),
          this.duration(mine.firstResponseMinutes * MINUTE_MS), this.t('clock.state.' + state));
      }
      this.clockBox.setAttribute('data-state', state);
      this.clockBox.setAttribute('data-channel', channel);
      this.showStage(c, targets, mine, now);
      this.resize();
    },

    showStage: function (c, targets, mine, now) {
      var stage = c.resolved ? null : stageOf(now - Date.parse(c.openedAt), mine, targets.stages, targets.amberPercent);
      this.clockStage.hidden = !stage;
      if (!stage) return;
      var name = this.t('clock.stage.' + stage.id);
      this.clockStage.textContent = stage.leftMs > 0
        ? fill(this.t('clock.stageLeft'), name, this.duration(stage.leftMs))
        : fill(this.t('clock.stageOver'), name, this.duration(stage.leftMs));
      this.clockStage.setAttribute('data-stage', stage.id);
      this.clockStage.setAttribute('data-state', stage.state);
    }
  });
})(window);
