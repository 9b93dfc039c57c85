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

  /**
   * Splices text at the textarea's caret (kept while the textarea is blurred) and moves the caret after it. Text
   * already before or after the caret is set apart by a line break, so the reply never runs into a word.
   */
  function spliceIntoTextarea(ta, text) {
    var start = typeof ta.selectionStart === 'number' ? ta.selectionStart : ta.value.length;
    var end = typeof ta.selectionEnd === 'number' ? ta.selectionEnd : start;
    var before = ta.value.slice(0, start);
    var after = ta.value.slice(end);
    var block = (before && !/\n$/.test(before) ? '\n' : '') + text + (after && !/^\n/.test(after) ? '\n' : '');
    ta.value = before + block + after;
    ta.selectionStart = ta.selectionEnd = start + block.length;
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
          if (!res.ok) {
            var e = new Error((json.error && json.error.message) || ('HTTP ' + res.status));
            e.status = res.status; // the widget retries a 502 (kb-server unreachable), not a refusal
            e.field = json.error && json.error.field; // the field kb-server named, said beside the action
            throw e;
          }
          return json;
        }, function () {
          var e = new Error('HTTP ' + res.status + ' without JSON');
          e.status = res.status;
          throw e;
        });
      });
    },

    /** The reply box's text as the agent sees it (CKEditor's or the textarea's). */
    editorText: function () {
      var ed = editor();
      if (ed) return Promise.resolve(ed.editable().getText());
      var ta = textarea();
      return Promise.resolve(ta ? ta.value : '');
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
