/*
 * Replybook widget, guardrails (issue 16): what an agent may offer and what a reply must never say, checked where
 * the reply is inserted. Loaded after replybook-widget.js by both hosts; the widget's guardrails part
 * (plugin/widget/src/main/widget/75-guardrails.js) calls ReplybookGuardrails at these points:
 *   start(w)            a lead's widget lists the approvals waiting, with approve / reject;
 *   afterRender(w, res) a compensation above the policy (warning compensation-over-limit:offer:asked:allowed:currency)
 *                       shows the allowed amount, "use it" and "ask a lead"; the text is checked against the wording rules;
 *   textChanged(w)      the agent's own edits are checked as they type;
 *   beforeInsert(w, r)  -> Promise of {ok, compensation, message, focus}: blocking wording or an unapproved amount
 *                       stops the insert (message says why, beside Insert); a granted compensation is reported with
 *                       the insert event;
 *   warningText(w, s)   its render warnings in the agent's language.
 * ES5, no framework; server data reaches the DOM through textContent only.
 */
(function (global) {
  'use strict';

  var POLL_MS = 3000;
  var CHECK_DELAY_MS = 400;
  var OVER = /^compensation-over-limit:([a-z]+):(\d+(?:\.\d+)?):(\d+(?:\.\d+)?):([A-Z]{3})$/;
  var AMOUNT = /^\d{1,10}(\.\d{1,2})?$/;

  function el(tag, className, text) {
    return global.Replybook.el(tag, className, text);
  }

  function fmt(w, key) {
    var s = w.t(key);
    for (var i = 2; i < arguments.length; i++) s = s.replace('{' + (i - 2) + '}', arguments[i]);
    return s;
  }

  function money(w, amount, currency) {
    try {
      return new Intl.NumberFormat(global.Replybook.pickLocale(w.ctx.locale), { style: 'currency', currency: currency,
        minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(Number(amount));
    } catch (e) {
      return amount + ' ' + currency;
    }
  }

  function state(w) {
    if (!w.guard) w.guard = { over: null, approval: null, blocked: false, known: [], timer: null, checkSeq: 0 };
    return w.guard;
  }

  /** A decimal string from a ticket value such as "¥1,299.00", or null. */
  function decimal(value) {
    var s = String(value == null ? '' : value).replace(/[^\d.]/g, '');
    return AMOUNT.test(s) ? s : null;
  }

  /** The guardrails area under the preview, created once per opened entry. */
  function area(w) {
    if (!w.guardBox || !w.detail.contains(w.guardBox)) {
      w.guardBox = el('div', 'rb-guard');
      w.guardBox.setAttribute('aria-live', 'polite');
      w.limitBox = el('div', 'rb-guard-limit');
      w.wordsBox = el('ul', 'rb-guard-words');
      w.guardBox.appendChild(w.limitBox);
      w.guardBox.appendChild(w.wordsBox);
      w.guardBox.appendChild(el('div', 'rb-guard-hint', w.t('guard.editHint')));
      w.detail.insertBefore(w.guardBox, w.notes);
    }
    return w.guardBox;
  }

  /**
   * Insert stays off while the wording blocks or an amount waits for a lead. (A missing value leaves it on: a click
   * says beside it which values to fill in.)
   */
  function updateInsert(w) {
    if (!w.insertButton || !w.rendered) return;
    var g = state(w);
    var missing = w.missing(w.rendered).length > 0;
    var limit = g.over && !approved(g);
    w.insertButton.disabled = g.blocked || !!limit;
    w.insertButton.title = missing ? w.t('insertBlocked') : g.blocked ? w.t('guard.blocked') : limit ? w.t('guard.limitFirst')
      : w.t('insertKeys');
  }

  function approved(g) {
    var a = g.approval;
    return !!(a && g.over && a.status === 'approved' && a.offer === g.over.offer
      && Number(g.over.asked) <= Number(a.amount));
  }

  // ---- compensation above the policy -------------------------------------------------------------------------

  function showLimit(w) {
    var g = state(w);
    var box = w.limitBox;
    global.Replybook.clear(box);
    if (!g.over) return;
    var o = g.over;
    box.appendChild(el('p', 'rb-guard-over', fmt(w, 'guard.overLimit', money(w, o.allowed, o.currency), money(w, o.asked, o.currency))));
    var a = g.approval && g.approval.offer === o.offer && g.approval.amount === o.asked ? g.approval : null;
    if (a && a.status !== 'pending') {
      var line = fmt(w, a.status === 'approved' ? 'guard.approved' : 'guard.rejected', a.decidedBy || '');
      box.appendChild(el('p', 'rb-guard-decision rb-' + a.status, line + (a.note ? ': ' + a.note : '')));
    } else if (a) {
      box.appendChild(el('p', 'rb-guard-waiting', w.t('guard.waiting')));
    }
    if (a && a.status === 'approved') return;
    var row = el('div', 'rb-guard-actions');
    var use = el('button', 'rb-guard-use', fmt(w, 'guard.useAllowed', money(w, o.allowed, o.currency)));
    use.type = 'button';
    use.addEventListener('click', function () { useAllowed(w); });
    row.appendChild(use);
    if (!a) {
      var reason = el('input', 'rb-guard-reason');
      reason.type = 'text';
      reason.maxLength = 1000;
      reason.placeholder = w.t('guard.reason');
      reason.setAttribute('aria-label', w.t('guard.reason'));
      var ask = el('button', 'rb-guard-ask', w.t('guard.ask'));
      ask.type = 'button';
      ask.addEventListener('click', function () { askLead(w, reason.value, ask); });
      row.appendChild(reason);
      row.appendChild(ask);
    }
    box.appendChild(row);
  }

  /** Puts the policy's amount into the ticket value that asked for more, and renders again. */
  function useAllowed(w) {
    var o = state(w).over;
    var variable = o.offer + '.amount';
    w.fills[variable] = o.allowed;
    var input = w.fillBox && w.fillBox.querySelector('input[data-var="' + variable + '"]');
    if (input) input.value = o.allowed;
    w.renderSelected();
  }

  function askLead(w, reason, button) {
    var g = state(w);
    var o = g.over;
    var ctx = w.context();
    var body = {
      ticketId: w.ctx.ticketId != null ? String(w.ctx.ticketId) : '', helpdesk: w.host.name, locale: w.entry.locale,
      category: w.entry.category, offer: o.offer, amount: o.asked, reason: String(reason || '').trim(), entryId: w.entry.id,
      customerTags: (w.ctx.customer && w.ctx.customer.tags) || [],
      agent: w.ctx.agent && w.ctx.agent.name ? w.ctx.agent.name : null
    };
    var order = decimal(ctx.order && ctx.order.amount);
    if (order) body.orderAmount = order;
    w.withShop(body); // the shop's policy and the shop's leads decide
    button.disabled = true;
    w.setStatus(w.t('guard.asking'));
    // not retried: a request whose answer was lost may have been stored, and a lead must not see it twice
    w.api('POST', '/api/v1/approvals', body, { once: true }).then(function (a) {
      g.approval = a;
      w.setStatus(w.t('guard.waiting'), 'warn');
      showLimit(w);
      poll(w, a.id);
      w.resize();
    }).catch(function (e) {
      button.disabled = false;
      w.setStatus(w.t('guard.askFailed'), 'error');
      if (global.console) console.warn('Replybook: approval request failed', e);
    });
  }

  /** Asks for the decision every few seconds while this entry stays open. */
  function poll(w, id) {
    var g = state(w);
    var entry = w.entry;
    clearTimeout(g.timer);
    g.timer = setTimeout(function () {
      if (w.entry !== entry) return;
      w.api('GET', '/api/v1/approvals/' + encodeURIComponent(id)).then(function (a) {
        if (w.entry !== entry) return;
        g.approval = a;
        if (a.status === 'pending') { poll(w, id); return; }
        w.setStatus(fmt(w, a.status === 'approved' ? 'guard.approved' : 'guard.rejected', a.decidedBy || ''),
          a.status === 'approved' ? 'ok' : 'warn');
        showLimit(w);
        updateInsert(w);
        w.resize();
      }).catch(function () { poll(w, id); });
    }, POLL_MS);
  }

  /** An approval this agent asked for earlier on this ticket, for the same offer and amount (after a reload). */
  function earlier(w, over) {
    var list = state(w).known;
    for (var i = 0; i < list.length; i++) {
      var a = list[i];
      if (a.offer === over.offer && a.amount === over.asked && a.status !== 'rejected') return a;
    }
    return null;
  }

  // ---- wording ---------------------------------------------------------------------------------------------

  /** Checks text against the wording rules; resolves to the findings (and shows them). */
  function checkWords(w, text) {
    var g = state(w);
    var seq = ++g.checkSeq;
    return w.api('POST', '/api/v1/wording/check', w.withShop({ locale: w.entry.locale, text: text })).then(function (res) {
      if (seq !== g.checkSeq) return res;
      showWords(w, res.findings || []);
      return res;
    });
  }

  function showWords(w, findings) {
    var g = state(w);
    area(w);
    global.Replybook.clear(w.wordsBox);
    g.blocked = false;
    findings.forEach(function (f) {
      if (f.severity === 'block') g.blocked = true;
      var li = el('li', 'rb-guard-finding rb-' + f.severity);
      li.setAttribute('data-severity', f.severity);
      li.appendChild(el('mark', null, f.text));
      li.appendChild(document.createTextNode(' ' + (f.severity === 'block' ? w.t('guard.blocked') : w.t('guard.warned'))
        + (f.reason ? ' — ' + f.reason : '')));
      if (f.suggestion) li.appendChild(el('div', 'rb-guard-instead', w.t('guard.instead') + ' ' + f.suggestion));
      w.wordsBox.appendChild(li);
    });
    updateInsert(w);
    w.resize();
  }

  // ---- a lead's approvals ---------------------------------------------------------------------------------------

  function leadPanel(w, approvals) {
    if (!w.approvalsBox) {
      w.approvalsBox = el('section', 'rb-approvals');
      w.search.parentNode.insertBefore(w.approvalsBox, w.search);
    }
    var box = w.approvalsBox;
    global.Replybook.clear(box);
    if (!approvals.length) { box.hidden = true; return; }
    box.hidden = false;
    box.appendChild(el('div', 'rb-section-title', fmt(w, 'guard.leadTitle', String(approvals.length))));
    var ul = el('ul', 'rb-approval-list');
    approvals.forEach(function (a) {
      var li = el('li', 'rb-approval');
      li.setAttribute('data-id', a.id);
      li.appendChild(el('div', 'rb-approval-ask', a.helpdesk + ' #' + a.ticketId + ' · ' + (a.agent || a.requestedBy) + ': '
        + w.t('offer.' + a.offer) + ' ' + money(w, a.amount, a.currency) + ' (' + fmt(w, 'guard.policy', money(w, a.policyMax, a.currency)) + ')'));
      if (a.reason) li.appendChild(el('div', 'rb-approval-reason', a.reason));
      var note = el('input', 'rb-approval-note');
      note.type = 'text';
      note.placeholder = w.t('guard.note');
      note.setAttribute('aria-label', w.t('guard.note'));
      li.appendChild(note);
      [['approve', true], ['reject', false]].forEach(function (d) {
        var b = el('button', 'rb-approval-' + d[0], w.t('guard.' + d[0]));
        b.type = 'button';
        b.addEventListener('click', function () {
          b.disabled = true;
          w.api('POST', '/api/v1/approvals/' + encodeURIComponent(a.id) + '/decision', { approved: d[1], note: note.value },
              { once: true }) // a decision is taken once
            .then(function () { w.setStatus(w.t('guard.decided'), 'ok'); refreshLead(w); })
            .catch(function () { b.disabled = false; refreshLead(w); });
        });
        li.appendChild(b);
      });
      ul.appendChild(li);
    });
    box.appendChild(ul);
    w.resize();
  }

  function refreshLead(w) {
    return w.api('GET', '/api/v1/approvals?status=pending&limit=20').then(function (res) {
      if (res && res.canDecide) leadPanel(w, res.approvals || []);
    });
  }

  // ---- the hooks -------------------------------------------------------------------------------------------------

  global.ReplybookGuardrails = {
    start: function (w) {
      var g = state(w);
      var ticket = w.ctx.ticketId != null ? String(w.ctx.ticketId) : '';
      w.api('GET', '/api/v1/approvals?limit=20&helpdesk=' + encodeURIComponent(w.host.name)
        + '&ticketId=' + encodeURIComponent(ticket)).then(function (res) {
        g.known = (res && res.approvals) || [];
        if (res && res.canDecide) refreshLead(w);
      }).catch(function (e) { if (global.console) console.warn('Replybook: approvals unavailable', e); });
    },

    afterRender: function (w, res) {
      var g = state(w);
      area(w);
      var over = null;
      (res.warnings || []).forEach(function (s) {
        var m = OVER.exec(String(s));
        if (m && !over) over = { offer: m[1], asked: m[2], allowed: m[3], currency: m[4] };
      });
      g.over = over;
      if (over && !(g.approval && g.approval.offer === over.offer && g.approval.amount === over.asked)) {
        g.approval = earlier(w, over);
        if (g.approval && g.approval.status === 'pending') poll(w, g.approval.id);
      }
      showLimit(w);
      updateInsert(w);
      checkWords(w, res.text || '').catch(function () { /* checked again before inserting */ });
    },

    textChanged: function (w) {
      var g = state(w);
      clearTimeout(g.checkTimer);
      g.checkTimer = setTimeout(function () {
        checkWords(w, w.preview.innerText).catch(function () { /* checked again before inserting */ });
      }, CHECK_DELAY_MS);
    },

    beforeInsert: function (w, reply) {
      var g = state(w);
      if (g.over && !approved(g)) return Promise.resolve({ ok: false, message: w.t('guard.limitFirst') });
      return checkWords(w, reply.text).then(function (res) {
        if (res.blocked) return { ok: false, message: w.t('guard.blocked'), focus: w.preview };
        return { ok: true, compensation: granted(w) };
      }, function () {
        return { ok: false, message: w.t('error') };
      });
    },

    warningText: function (w, warning) {
      var m = OVER.exec(warning);
      return m ? fmt(w, 'warning.compensation-over-limit', money(w, m[2], m[4]), money(w, m[3], m[4])) : null;
    }
  };

  /** The compensation the inserted reply grants: an approved amount above the policy, or a coupon within it. */
  function granted(w) {
    var g = state(w);
    if (g.over && approved(g)) return { offer: g.over.offer, amount: g.over.asked, approvalId: g.approval.id };
    var coupon = decimal((w.context().coupon || {}).amount);
    return coupon && Number(coupon) > 0 ? { offer: 'coupon', amount: coupon } : null;
  }
})(window);
