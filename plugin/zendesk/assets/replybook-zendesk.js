/*
 * Replybook host adapter for Zendesk (ZAF v2, ticket_sidebar): one ZAF client, created once; ticket context
 * through client.get; kb-server calls through client.request with the secure kbToken setting, which the
 * app only ever names as the {{setting.kbToken}} placeholder (Zendesk's proxy fills it in); insertion at
 * the cursor with ticket.editor.insert, falling back to ticket.comment.appendText; explicit resize.
 */
(function (global) {
  'use strict';

  var CHANNELS = {
    chat: 'chat', native_messaging: 'chat', messaging: 'chat', whatsapp: 'chat', instagram_dm: 'chat',
    email: 'email', web: 'email', web_form: 'email', api: 'email', mobile: 'email',
    sms: 'sms', text: 'sms',
    facebook: 'review', twitter: 'review', any_channel: 'review'
  };
  var PATHS = ['ticket.id', 'ticket.subject', 'ticket.description', 'ticket.requester.name', 'ticket.tags',
    'ticket.comments', 'ticket.via.channel', 'ticket.status', 'ticket.createdAt', 'ticket.updatedAt',
    'ticket.brand', 'currentUser.name', 'currentUser.locale'];
  var CLOSED = ['solved', 'closed'];

  /** Comment bodies arrive as HTML; DOMParser never runs scripts, and only the text is kept. */
  function textOf(html) {
    return new DOMParser().parseFromString(String(html || ''), 'text/html').body.textContent.trim();
  }

  /**
   * The response clock's times over all the ticket's comments (the panel gets only the latest five), or, when the
   * comments carry no times, from the ticket's own: opened when it was created, and waiting since its last update when
   * the customer wrote last.
   */
  function clockOf(messages, d) {
    var clock = global.Replybook.clockOf(messages);
    if (!clock && d['ticket.createdAt']) {
      var last = messages[messages.length - 1];
      clock = { openedAt: d['ticket.createdAt'],
        waitingSince: !last || last.author === 'customer' ? d['ticket.updatedAt'] || d['ticket.createdAt'] : null };
    }
    if (clock) clock.resolved = CLOSED.indexOf(d['ticket.status']) >= 0;
    return clock;
  }

  /**
   * The shop of a ticket's brand by the app's shopsByBrand setting: one "brand = shop key" per line (or separated
   * by ";"), the brand given by its ID, name or subdomain (case ignored); "* = key" for every other brand. Null when
   * nothing matches: the panel then works in all the agent's shops.
   */
  function shopOf(brand, setting) {
    var b = brand || {};
    var names = [b.id, b.name, b.subdomain].filter(function (n) { return n != null && String(n).trim() !== ''; })
      .map(function (n) { return String(n).trim().toLowerCase(); });
    var fallback = null;
    var lines = String(setting || '').split(/[\n;]+/);
    for (var i = 0; i < lines.length; i++) {
      var m = /^\s*([^=]+?)\s*=\s*(\S+)\s*$/.exec(lines[i]);
      if (!m) continue;
      var name = m[1].toLowerCase();
      if (name === '*') fallback = fallback || m[2];
      else if (names.indexOf(name) >= 0) return m[2];
    }
    return fallback;
  }

  function ZendeskHost(client, settings, root) {
    this.name = 'zendesk';
    this.client = client;
    this.settings = settings || {};
    this.root = root;
  }

  ZendeskHost.prototype = {
    context: function () {
      var s = this.settings;
      var paths = PATHS.slice();
      if (s.orderIdField) paths.push('ticket.customField:custom_field_' + s.orderIdField);
      if (s.orderAmountField) paths.push('ticket.customField:custom_field_' + s.orderAmountField);
      if (s.productField) paths.push('ticket.customField:custom_field_' + s.productField);
      return this.client.get(paths).then(function (d) {
        var comments = d['ticket.comments'] || [];
        var messages = comments.map(function (c) {
          var role = c.author && c.author.role;
          return { author: role === 'end-user' || role === 'end_user' ? 'customer' : 'agent', text: textOf(c.value),
            at: c.createdAt || c.created_at || null };
        });
        if (!messages.length && d['ticket.description']) messages.push({ author: 'customer', text: d['ticket.description'] });
        var vars = {
          'customer.name': d['ticket.requester.name'] || '',
          'ticket.id': d['ticket.id'] != null ? String(d['ticket.id']) : '',
          'agent.name': d['currentUser.name'] || '',
          'shop.name': s.shopName || ''
        };
        if (s.orderIdField) vars['order.id'] = d['ticket.customField:custom_field_' + s.orderIdField] || '';
        if (s.orderAmountField) vars['order.amount'] = d['ticket.customField:custom_field_' + s.orderAmountField] || '';
        // The product or order line, for the insights' TOP list by product (a drop-down field gives its tag).
        var product = s.productField ? String(d['ticket.customField:custom_field_' + s.productField] || '') : '';
        if (product) vars['product.name'] = product;
        return {
          ticketId: d['ticket.id'],
          subject: d['ticket.subject'] || '',
          messages: messages.slice(-5),
          customer: { name: vars['customer.name'], tags: d['ticket.tags'] || [] },
          agent: { name: vars['agent.name'] },
          locale: d['currentUser.locale'] || 'en',
          channel: CHANNELS[d['ticket.via.channel']] || 'email',
          product: product || null,
          shop: shopOf(d['ticket.brand'], s.shopsByBrand),
          clock: clockOf(messages, d),
          vars: vars
        };
      });
    },

    api: function (method, path, body) {
      var options = {
        url: String(this.settings.kbUrl || '').replace(/\/+$/, '') + path,
        type: method,
        dataType: 'json',
        secure: true,   // only Zendesk's proxy may see the token
        cors: false,
        headers: { Authorization: 'Bearer {{setting.kbToken}}' }
      };
      if (body !== undefined) {
        options.contentType = 'application/json';
        options.data = JSON.stringify(body);
      }
      return this.client.request(options);
    },

    /** The kb-server console's address of path (the agent's browser opens it; it signs in there itself). */
    consoleUrl: function (path) {
      return String(this.settings.kbUrl || '').replace(/\/+$/, '') + path;
    },

    /** The reply being written (ticket.comment.text). */
    editorText: function () {
      return this.client.get('ticket.comment.text').then(function (d) { return d['ticket.comment.text'] || ''; });
    },

    /** At the cursor as HTML (block paragraphs keep it apart); appended as text after a blank line otherwise. */
    insert: function (reply) {
      var client = this.client;
      return client.invoke('ticket.editor.insert', reply.html || reply.text).catch(function () {
        return client.get('ticket.comment.text').then(function (d) {
          var sep = String(d['ticket.comment.text'] || '').trim() ? '\n\n' : '';
          return client.invoke('ticket.comment.appendText', sep + (reply.text || ''));
        });
      });
    },

    resize: function () {
      var client = this.client;
      var root = this.root;
      global.requestAnimationFrame(function () {
        client.invoke('resize', { width: '100%', height: Math.ceil(root.scrollHeight + 8) + 'px' });
      });
    }
  };

  var client = global.ZAFClient && global.ZAFClient.init();
  if (!client) return; // opened outside Zendesk
  client.on('app.registered', function (data) {
    var root = document.getElementById('replybook-panel');
    var host = new ZendeskHost(client, data.metadata && data.metadata.settings, root);
    var widget = global.Replybook.mount(root, host);
    widget.ready.then(function () { host.resize(); });
  });
})(window);
