/*
 * Replybook widget, part 70: usage events for the library's insights: searches (with whether they found a good
 * match), views, and inserts (with the actions the agent ticked as done).
 */
(function (global) {
  'use strict';

  var R = global.Replybook;

  R.define({
    /** Fire-and-forget usage event; analytics must never break the agent's work. Parts add fields on 'event'. */
    event: function (type, extra) {
      var e = {
        type: type, helpdesk: this.host.name, ticketId: this.ctx.ticketId != null ? String(this.ctx.ticketId) : null,
        tone: this.tone, channel: this.channel, emotion: this.emotion,
        agent: this.ctx.agent && this.ctx.agent.name ? this.ctx.agent.name : null,
        product: this.ctx.product ? String(this.ctx.product).slice(0, 200) : null
      };
      if (this.entry && type !== 'search') { e.entryId = this.entry.id; e.entryVersion = this.entry.version; }
      Object.keys(extra).forEach(function (k) { e[k] = extra[k]; });
      this.emit('event', { event: e });
      // never retried: an event whose answer was lost may have been stored, and must not count twice
      this.api('POST', '/api/v1/events', e, { once: true }).catch(function () { /* ignored on purpose */ });
    }
  });
})(window);
