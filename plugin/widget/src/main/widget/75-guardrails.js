/*
 * Replybook widget, part 75: the guardrails' hooks (issue 16). The checks themselves live in
 * replybook-guardrails.js (window.ReplybookGuardrails), which both hosts load after this script; this part calls it
 * where the widget's parts say things happen: a lead's approvals once the panel is built, the compensation limit and
 * the wording after each render and on the agent's own edits, and a check before each insert (blocking wording or
 * an amount a lead has not approved stops it, said beside Insert). A granted compensation goes with the insert event.
 * Without replybook-guardrails.js every hook does nothing.
 */
(function (global) {
  'use strict';

  var R = global.Replybook;

  /** The optional guardrails part, or null when the host did not load it. */
  function guardrails() {
    return global.ReplybookGuardrails || null;
  }

  R.on('built', function (w) {
    if (guardrails()) guardrails().start(w); // a lead's approvals waiting
  });

  R.on('rendered', function (w, data) {
    w.guardCompensation = null;
    if (guardrails()) guardrails().afterRender(w, data.result); // compensation limit, wording
  });

  R.on('edited', function (w) {
    if (guardrails()) guardrails().textChanged(w); // the agent's own words, checked as they type
  });

  R.warningText(function (w, warning) {
    return guardrails() ? guardrails().warningText(w, warning) : null;
  });

  R.beforeInsert(function (w, reply) {
    if (!guardrails()) return null;
    return Promise.resolve(guardrails().beforeInsert(w, reply)).then(function (verdict) {
      if (!verdict.ok) return { name: 'guardrails', message: verdict.message || null, focus: verdict.focus || null };
      w.guardCompensation = verdict.compensation || null;
      return null;
    });
  });

  R.on('event', function (w, data) {
    if (data.event.type === 'insert' && w.guardCompensation) data.event.compensation = w.guardCompensation;
  });
})(window);
