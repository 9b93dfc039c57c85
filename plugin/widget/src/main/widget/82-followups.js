/*
 * Replybook widget, part 82: promised follow-ups (issue 18).
 *
 * After an insert, when the entry's actions promise the customer a call-back or an update, the panel offers to record
 * it beside Insert: a due time (from the action's own words, e.g. "24 小时", "48 hours", "每 3 天", "当日"; else 24
 * hours, the guides' "24 小时回访") and a note (the action), both editable; POST /api/v1/followups. RT's proxy also
 * makes it an RT reminder on the ticket and says so.
 * The rule for "promises": an action does when it contains one of the words in PROMISE (回访, 回电, 跟进, 主动告知 /
 * 通知 / 同步 / 推送, 提醒, 联系客户, follow up, call back, remind, keep the customer posted, send an update…).
 * Entries' actions are plain text, so this is how an editor makes an action a promise: write it that way.
 *
 * When the panel opens, the agent's open follow-ups of the ticket are listed under the ticket bar (overdue first,
 * in red, said in words), each with Done (POST /api/v1/followups/{id}/done).
 */
(function (global) {
  'use strict';

  var R = global.Replybook;
  var el = R.util.el;
  var fill = R.fill;
  var HOUR_MS = 3600000;
  var DEFAULT_DUE_HOURS = 24;
  var MAX_DUE_DAYS = 179; // kb-server takes at most 180 days ahead
  var MAX_NOTE = 1000;
  var PROMISE = new RegExp('回访|回訪|回电|回電|跟进|跟進|主动(?:告知|通知|同步|推送)|主動(?:告知|通知|同步|回報|推送)|提醒'
    + '|联系客户|聯絡客人|通知客户|通知客人|同步给客户|同步給客人'
    + '|follow[- ]?up|call (?:the customer |them )?back|remind|keep (?:the customer|them) (?:posted|updated)'
    + '|(?:send|give) (?:the customer |them )?(?:an? )?(?:[a-z]+ )?update|(?:notify|tell|inform) the customer (?:when|once|as soon)', 'i');

  /** The first of the entry's actions that promises the customer something later, or null. */
  R.promiseOf = function (entry) {
    var actions = (entry && entry.actions) || [];
    for (var i = 0; i < actions.length; i++) {
      if (PROMISE.test(actions[i])) return actions[i];
    }
    return null;
  };

  /**
   * When the promise in text falls due, from now: its hours ("24 小时", "48-hour"), days ("3 天", "2 days"), "the
   * same day" (18:00, or two hours from now when that is past), "tomorrow" (10:00); else 24 hours. Rounded up to
   * five minutes, within kb-server's horizon.
   */
  R.dueFor = function (text, now) {
    var t = String(text || '');
    var hours = /(\d{1,4})\s*-?\s*(?:个|個)?\s*(?:小时|小時|hours?\b|h\b)/i.exec(t);
    var days = /(\d{1,3})\s*(?:个|個)?\s*(?:工作)?\s*(?:天|日|days?\b)/i.exec(t);
    var due;
    if (hours) {
      due = new Date(now.getTime() + Number(hours[1]) * HOUR_MS);
    } else if (days) {
      due = new Date(now.getTime() + Number(days[1]) * 24 * HOUR_MS);
    } else if (/当日|當日|当天|當天|same day|today/i.test(t)) {
      due = new Date(now.getTime());
      due.setHours(18, 0, 0, 0);
      if (due.getTime() - now.getTime() < HOUR_MS) due = new Date(now.getTime() + 2 * HOUR_MS);
    } else if (/明天|明日|tomorrow/i.test(t)) {
      due = new Date(now.getTime() + 24 * HOUR_MS);
      due.setHours(10, 0, 0, 0);
    } else {
      due = new Date(now.getTime() + DEFAULT_DUE_HOURS * HOUR_MS);
    }
    var latest = now.getTime() + MAX_DUE_DAYS * 24 * HOUR_MS;
    var five = 5 * 60000;
    return new Date(Math.min(latest, Math.ceil(due.getTime() / five) * five));
  };

  /** A date as the value of an input type=datetime-local, in the agent's time zone: "2026-12-08T17:00". */
  function localValue(d) {
    function p(n) { return (n < 10 ? '0' : '') + n; }
    return d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate()) + 'T' + p(d.getHours()) + ':' + p(d.getMinutes());
  }

  R.on('built', function (w) {
    if (w.ticketRef()) w.loadFollowUps();
  });

  R.on('inserted', function (w, data) {
    var promise = w.ticketRef() && R.promiseOf(data.entry);
    if (promise) w.offerFollowUp(data.entry, promise);
  });

  R.define({
    /** The agent's open follow-ups of this ticket, listed under the ticket bar (nothing when there are none). */
    loadFollowUps: function () {
      var self = this;
      var ref = this.ticketRef();
      var path = '/api/v1/followups?status=open&limit=20&helpdesk=' + encodeURIComponent(ref.helpdesk)
        + '&ticketId=' + encodeURIComponent(ref.ticketId) + (this.agentName() ? '&agent=' + encodeURIComponent(this.agentName()) : '');
      return this.api('GET', path).then(function (res) {
        (res.followups || []).forEach(function (f) { self.listFollowUp(f); });
      }).catch(function (e) {
        if (global.console) console.warn('Replybook: no follow-ups', e);
      });
    },

    /** Adds follow-up f to the ticket's list (made on first use), keeping it in due order. */
    listFollowUp: function (f) {
      var self = this;
      if (!this.followUpList) {
        var box = this.loopSection('rb-followups');
        box.setAttribute('role', 'region');
        box.setAttribute('aria-label', this.t('followups.title'));
        box.appendChild(el('div', 'rb-section-title', this.t('followups.title')));
        this.followUpList = box.appendChild(el('ul', 'rb-followup-list'));
        setInterval(function () { self.showFollowUpTimes(); }, 60000);
      }
      var li = el('li', 'rb-followup');
      li.setAttribute('data-id', f.id);
      li.setAttribute('data-due', f.dueAt);
      li.appendChild(el('span', 'rb-followup-when'));
      li.appendChild(el('span', 'rb-followup-note', f.note || this.t('followups.noNote')));
      var done = this.actionButton(li, 'followups.done', 'rb-followup-done', function () {
        return self.api('POST', '/api/v1/followups/' + encodeURIComponent(f.id) + '/done', { agent: self.agentName() })
          .then(function () {
            li.setAttribute('data-state', 'done');
            li.querySelector('.rb-followup-when').textContent = self.t('followups.isDone');
            done.row.removeChild(done.button);
            done.say(self.t('followups.doneSaid'), 'ok');
          });
      });
      var before = null;
      Array.prototype.forEach.call(this.followUpList.children, function (other) {
        if (!before && other.getAttribute('data-due') > f.dueAt) before = other;
      });
      this.followUpList.insertBefore(li, before);
      this.showFollowUpTimes();
    },

    /** Each open follow-up's due time in words: overdue (red), due within a day (amber), or when. */
    showFollowUpTimes: function () {
      var self = this;
      var now = Date.now();
      Array.prototype.forEach.call(this.followUpList.children, function (li) {
        if (li.getAttribute('data-state') === 'done') return;
        var due = Date.parse(li.getAttribute('data-due'));
        var state = due < now ? 'overdue' : due - now < 24 * HOUR_MS ? 'due' : 'later';
        li.setAttribute('data-state', state);
        li.querySelector('.rb-followup-when').textContent = state === 'overdue'
          ? fill(self.t('followups.overdue'), self.duration(now - due))
          : state === 'due' ? fill(self.t('followups.dueIn'), self.duration(due - now)) : fill(self.t('followups.dueAt'), self.moment(due));
      });
      this.resize();
    },

    /** Below Insert: the promise the inserted entry makes, with a due time and a note to record it by. */
    offerFollowUp: function (entry, promise) {
      var self = this;
      var bar = this.insertButton.parentNode;
      if (bar.nextSibling && /rb-offer/.test(bar.nextSibling.className)) bar.parentNode.removeChild(bar.nextSibling);
      var box = el('div', 'rb-offer');
      box.setAttribute('role', 'group');
      box.setAttribute('aria-label', this.t('followups.offer'));
      box.appendChild(el('div', 'rb-offer-title', this.t('followups.offer')));
      box.appendChild(el('div', 'rb-offer-promise', promise));
      var due = this.labelled(box, 'followups.due', el('input', 'rb-offer-due'));
      due.type = 'datetime-local';
      due.value = localValue(R.dueFor(promise, new Date()));
      var note = this.labelled(box, 'followups.note', el('input', 'rb-offer-note'));
      note.type = 'text';
      note.maxLength = MAX_NOTE;
      note.value = promise.slice(0, MAX_NOTE);
      var record = this.actionButton(box, 'followups.record', 'rb-offer-record', function () {
        return self.recordFollowUp(entry, due, note, box, record);
      });
      this.enterRuns(due, record.button);
      this.enterRuns(note, record.button);
      var later = el('button', 'rb-btn rb-link rb-offer-dismiss', this.t('followups.notNow'));
      later.type = 'button';
      later.addEventListener('click', function () {
        box.parentNode.removeChild(box);
        self.insertButton.focus();
        self.resize();
      });
      record.row.insertBefore(later, record.row.lastChild); // beside its button, before the feedback
      bar.parentNode.insertBefore(box, bar.nextSibling);
      this.resize();
    },

    /** A label (message key) around input, appended to parent; returns the input. */
    labelled: function (parent, key, input) {
      var label = el('label', 'rb-labelled');
      label.appendChild(el('span', null, this.t(key)));
      label.appendChild(input);
      parent.appendChild(label);
      return input;
    },

    recordFollowUp: function (entry, due, note, box, record) {
      var self = this;
      var at = due.value ? new Date(due.value) : null;
      if (!at || isNaN(at.getTime())) {
        due.setAttribute('aria-invalid', 'true');
        due.focus();
        record.say(this.t('loop.field.dueAt'), 'warn');
        return Promise.resolve();
      }
      due.removeAttribute('aria-invalid');
      var body = this.withShop({ ticketId: this.ticketRef().ticketId, helpdesk: this.ticketRef().helpdesk,
        dueAt: at.toISOString(), note: note.value.trim(), entryId: entry.id, agent: this.agentName() });
      // never retried: a follow-up whose answer was lost may have been recorded
      return this.api('POST', '/api/v1/followups', body, { once: true }).then(function (f) {
        var said = fill(self.t('followups.recorded'), self.moment(f.dueAt));
        if (f.rtReminderId) said += ' · ' + self.t('followups.rtReminder');
        else if (f.rtReminderError) said += ' · ' + fill(self.t('followups.noRtReminder'), f.rtReminderError);
        R.util.clear(box);
        box.className = 'rb-offer rb-offer-done';
        box.setAttribute('role', 'status');
        box.appendChild(el('span', 'rb-ok', said));
        self.listFollowUp(f);
        self.resize();
      }, function (e) {
        if (R.errorOf(e).field === 'dueAt') due.setAttribute('aria-invalid', 'true');
        throw e;
      });
    }
  });
})(window);
