/*
 * Replybook widget, part 20: start-up and the panel's frame: the head (title, status), the tab bar of the
 * registered panels (Replybook.panel) and the scripts panel that the search and entry parts fill.
 */
(function (global) {
  'use strict';

  var R = global.Replybook;
  var el = R.util.el;

  R.define({
    start: function () {
      var self = this;
      return Promise.resolve(this.host.context()).then(function (ctx) {
        self.ctx = ctx || {};
        self.msgs = global.ReplybookMessages[R.util.pickLocale(self.ctx.locale)];
        self.emit('context', {});
        self.build();
        return self.shopChecked.then(function () {
          return Promise.all([self.suggestFromTicket(), self.suggestTone()]);
        });
      }).catch(function (e) {
        self.fail(e);
      });
    },

    build: function () {
      var root = this.root;
      R.util.clear(root);
      root.classList.add('rb-widget');
      root.setAttribute('lang', R.util.pickLocale(this.ctx.locale));
      var head = el('div', 'rb-head');
      head.appendChild(el('span', 'rb-title', this.t('title')));
      this.status = el('span', 'rb-status');
      this.status.setAttribute('role', 'status');
      head.appendChild(this.status);
      root.appendChild(head);
      this.buildPanels(root);
      this.bindKeys();
      this.setStatus(this.t('loading'));
      this.emit('built', {});
    },

    /** The scripts panel, and a tab per registered panel when there are any. */
    buildPanels: function (root) {
      var self = this;
      var specs = [{ name: 'scripts', title: 'title', order: 0, build: function (w, c) { w.buildScripts(c); } }]
        .concat(this.panels());
      var tabs = el('div', 'rb-tabs');
      tabs.setAttribute('role', 'tablist');
      if (specs.length > 1) root.appendChild(tabs);
      this.tabs = {};
      specs.forEach(function (spec) {
        var box = el('div', 'rb-panel rb-panel-' + spec.name);
        box.setAttribute('role', 'tabpanel');
        var tab = el('button', 'rb-tab', self.t(spec.title));
        tab.type = 'button'; // inside the help-desk's form: must not submit it
        tab.setAttribute('role', 'tab');
        tab.addEventListener('click', function () { self.showPanel(spec.name); });
        tabs.appendChild(tab);
        root.appendChild(box);
        self.tabs[spec.name] = { tab: tab, box: box };
        spec.build(self, box);
      });
      this.showPanel('scripts');
    },

    showPanel: function (name) {
      var tabs = this.tabs;
      Object.keys(tabs).forEach(function (n) {
        tabs[n].tab.setAttribute('aria-selected', n === name ? 'true' : 'false');
        tabs[n].box.hidden = n !== name;
      });
      this.resize();
    },

    bindKeys: function () {
      var self = this;
      document.addEventListener('keydown', function (e) {
        if (e.altKey && (e.key === 'k' || e.key === 'K' || e.code === 'KeyK')) {
          e.preventDefault();
          self.showPanel('scripts');
          self.search.focus();
        }
      });
    }
  });
})(window);
