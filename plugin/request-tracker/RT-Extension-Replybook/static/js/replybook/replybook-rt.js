/*
 * Replybook host adapter for Request Tracker 5: ticket context from the page, kb-server calls through
 * RT's server-side proxy (the token stays in RT_SiteConfig.pm), insertion at the caret of CKEditor 4
 * or of the plain textarea.
 */
(function (global) {
  'use strict';

  function editor() {
    var c = global.CKEDITOR;
    var e = c && c.instances && c.instances.UpdateContent;
    return e && e.status === 'ready' ? e : null;
  }

  function textarea() {
    return document.querySelector('textarea[name="UpdateContent"]');
  }

  /** Splices text at the textarea's caret (kept while the textarea is blurred) and moves the caret after it. */
  function spliceIntoTextarea(ta, text) {
    var start = typeof ta.selectionStart === 'number' ? ta.selectionStart : ta.value.length;
    var end = typeof ta.selectionEnd === 'number' ? ta.selectionEnd : start;
    ta.value = ta.value.slice(0, start) + text + ta.value.slice(end);
    ta.selectionStart = ta.selectionEnd = start + text.length;
    ta.focus();
  }

  function RtHost(panel) {
    this.name = 'rt';
    this.proxy = panel.getAttribute('data-proxy');
    this.ctx = JSON.parse(panel.getAttribute('data-context') || '{}');
  }

  RtHost.prototype = {
    context: function () {
      return Promise.resolve(this.ctx);
    },

    api: function (method, path, body) {
      var form = new URLSearchParams();
      form.set('method', method);
      form.set('path', path);
      if (body !== undefined) form.set('body', JSON.stringify(body));
      return fetch(this.proxy, { method: 'POST', body: form, credentials: 'same-origin' }).then(function (res) {
        return res.json().then(function (json) {
          if (!res.ok) throw new Error((json.error && json.error.message) || ('HTTP ' + res.status));
          return json;
        });
      });
    },

    insert: function (reply) {
      var ed = editor();
      if (ed) {
        ed.focus();
        ed.insertHtml(reply.html || '', 'html');
        return Promise.resolve();
      }
      var ta = textarea();
      if (!ta) return Promise.reject(new Error('RT reply box not found'));
      spliceIntoTextarea(ta, reply.text || '');
      return Promise.resolve();
    }
  };

  function start() {
    var panel = document.getElementById('replybook-panel');
    if (!panel || panel.getAttribute('data-mounted') || !global.Replybook) return;
    panel.setAttribute('data-mounted', 'true');
    global.Replybook.mount(panel, new RtHost(panel));
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})(window);
