/*
 * Replybook widget, part 25: the ticket's shop. The host names it (host.context().shop: a shop key the RT
 * extension maps from the ticket's queue, the Zendesk app from the ticket's brand); the widget checks it against
 * the shops the agent works for (GET /api/v1/shops), says in the head which shop it works in, and sends it with
 * every call scoped to a shop: suggestions, searches, renders (whose ${shop.name} and voice are then the shop's
 * own), the tone, wording checks, approvals, usage events, follow-ups and captured cases. A shop the agent does not
 * work for, or one kb-server does not know, is said in the head and left out: the agent then sees the scripts of all
 * their shops.
 */
(function (global) {
  'use strict';

  var R = global.Replybook;
  var el = R.util.el;

  R.on('init', function (w) {
    w.shop = null;              // {key, name} once checked
    w.shopUnknown = null;       // the key the host named when it is not one of the agent's shops
    w.shopChecked = Promise.resolve();
  });

  R.on('context', function (w) {
    var key = w.ctx.shop == null ? '' : String(w.ctx.shop).trim();
    if (key) w.shopChecked = w.checkShop(key);
  });

  R.on('built', function (w) { w.showShop(); });

  R.on('event', function (w, data) {
    if (w.shop) data.event.shop = w.shop.key;
  });

  R.define({
    /** Looks key up among the agent's shops; the calls that follow are scoped to it only when it is one of them. */
    checkShop: function (key) {
      var self = this;
      return this.api('GET', '/api/v1/shops').then(function (res) {
        var found = ((res && res.shops) || []).filter(function (s) { return s && s.key === key; })[0];
        if (found) self.shop = { key: key, name: found.name || key };
        else self.shopUnknown = key;
      }, function (e) {
        // The list could not be read: scope by the key anyway; kb-server still refuses a shop that is not the agent's.
        if (global.console) console.warn('Replybook: could not read the shops', e);
        self.shop = { key: key, name: key };
      }).then(function () { self.showShop(); });
    },

    /** The key of the shop the panel works in, or null (every shop the agent works for). */
    shopKey: function () {
      return this.shop ? this.shop.key : null;
    },

    /** body with the panel's shop added (when it has one). */
    withShop: function (body) {
      if (this.shop) body.shop = this.shop.key;
      return body;
    },

    /** The head's badge: the shop in use, or why the ticket's shop is not used. */
    showShop: function () {
      if (!this.status) return; // not built yet: 'built' shows it
      var badge = this.shopBadge;
      if (!this.shop && !this.shopUnknown) {
        if (badge) badge.hidden = true;
        return;
      }
      if (!badge) {
        badge = this.shopBadge = el('span', 'rb-shop');
        this.status.parentNode.insertBefore(badge, this.status);
      }
      badge.hidden = false;
      if (this.shop) {
        badge.textContent = this.t('shop').replace('{0}', this.shop.name);
        badge.title = this.t('shopTitle').replace('{0}', this.shop.name);
        badge.className = 'rb-shop';
        this.root.setAttribute('data-shop', this.shop.key);
      } else {
        badge.textContent = this.t('shopUnknown').replace('{0}', this.shopUnknown);
        badge.title = this.t('shopUnknownTitle').replace('{0}', this.shopUnknown);
        badge.className = 'rb-shop rb-shop-unknown';
        this.root.removeAttribute('data-shop');
      }
    }
  });
})(window);
