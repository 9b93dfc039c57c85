// Replybook console: small progressive enhancements. Server data is only ever put in the DOM with
// textContent (never innerHTML), and every unsafe request carries the session's CSRF token.
(function () {
  'use strict';
  var body = document.body;
  var csrf = body.getAttribute('data-csrf');

  function post(url, payload, method) {
    return fetch(url, {
      method: method || 'POST',
      credentials: 'same-origin',
      headers: {'Content-Type': 'application/json', 'X-CSRF-Token': csrf},
      body: JSON.stringify(payload)
    });
  }

  // An API error in the user's language: the console words it (console/ErrorTexts), never the API's English.
  function errorText(status, error) {
    var body = {status: status, reason: error && error.reason, args: (error && error.args) || {}};
    return post(document.body.getAttribute('data-base') + '/errors/text', body)
      .then(function (r) { return r.json(); })
      .then(function (d) { return d.text; });
  }

  // List fields (similar questions, diagnostics, actions): one input per item.
  document.querySelectorAll('.list-field').forEach(function (fs) {
    var items = fs.querySelector('.items');
    fs.addEventListener('click', function (ev) {
      if (ev.target.classList.contains('remove-item')) {
        var li = ev.target.closest('li');
        if (items.children.length > 1) li.remove(); else li.querySelector('input').value = '';
      }
    });
    fs.querySelector('.add-item').addEventListener('click', function () {
      var li = items.lastElementChild.cloneNode(true);
      li.querySelector('input').value = '';
      items.appendChild(li);
      li.querySelector('input').focus();
    });
  });

  // Synonyms: read and save through the search API with the session.
  var syn = document.getElementById('synonyms');
  if (syn) {
    var area = document.getElementById('synonyms-text');
    var out = document.getElementById('synonyms-status');
    fetch(syn.getAttribute('data-api'), {credentials: 'same-origin'})
      .then(function (r) { return r.json(); })
      .then(function (d) {
        area.value = (d.rules || []).join('\n');
        out.textContent = syn.getAttribute(d.inherited ? 'data-inherited' : 'data-loaded'); // a shop's without its own
        if (revert) revert.hidden = !!d.inherited;
      });
    var revert = document.getElementById('synonyms-revert'); // a shop's own synonyms: back to the locale's
    var failed = function (text) { out.textContent = syn.getAttribute('data-failed').replace('{0}', text); };
    document.getElementById('synonyms-save').addEventListener('click', function () {
      var rules = area.value.split('\n').map(function (s) { return s.trim(); }).filter(Boolean);
      out.textContent = '';
      post(syn.getAttribute('data-api'), {rules: rules}, 'PUT').then(function (r) {
        if (r.ok) { out.textContent = syn.getAttribute('data-saved'); if (revert) revert.hidden = false; return null; }
        return r.json().then(function (d) { return errorText(r.status, d.error); }).then(failed);
      }).catch(function () { failed(syn.getAttribute('data-offline')); });
    });
  }

  // Entries list: search as you type. The list is the server's own page (same ranking, count and escaping);
  // only its results part and its count are swapped in, and the address follows so the search can be shared.
  var filters = document.getElementById('entry-filters');
  if (filters) {
    var typing = null;
    var inFlight = null;
    var refresh = function () {
      var params = new URLSearchParams();
      new FormData(filters).forEach(function (value, name) { if (String(value).trim()) params.append(name, value); });
      var url = filters.getAttribute('action') + (params.toString() ? '?' + params : '');
      if (inFlight) inFlight.abort();
      inFlight = new AbortController();
      filters.setAttribute('aria-busy', 'true');
      fetch(url, {credentials: 'same-origin', signal: inFlight.signal})
        .then(function (r) { if (!r.ok) throw new Error(String(r.status)); return r.text(); })
        .then(function (html) {
          var page = new DOMParser().parseFromString(html, 'text/html');
          var fresh = page.getElementById('results');
          if (!fresh) throw new Error('no results');
          document.getElementById('results').replaceWith(document.adoptNode(fresh));
          document.getElementById('result-count').textContent = page.getElementById('result-count').textContent;
          history.replaceState(null, '', url);
          filters.removeAttribute('aria-busy');
        })
        .catch(function (err) {
          if (err.name === 'AbortError') return;
          filters.removeAttribute('aria-busy');
          filters.submit(); // the ordinary page load shows the results, or says what went wrong
        });
    };
    document.getElementById('q').addEventListener('input', function () {
      clearTimeout(typing);
      typing = setTimeout(refresh, 250);
    });
    filters.addEventListener('change', function (ev) {
      if (ev.target.id !== 'q') refresh();
    });
  }

  // Import jobs: poll progress until the job finishes, then reload to show the result. The job lives on the server,
  // so a reload (or coming back later) picks the progress up again.
  var job = document.getElementById('job');
  function fill(template, a, b) { return template.replace('{0}', a).replace('{1}', b); }
  if (job && job.getAttribute('data-finished') !== 'true') {
    var poll = setInterval(function () {
      fetch(job.getAttribute('data-progress'), {credentials: 'same-origin'})
        .then(function (r) { return r.json(); })
        .then(function (d) {
          var bar = document.getElementById('job-progress');
          if (bar) bar.value = d.percent;
          var count = document.getElementById('job-count');
          if (count) count.textContent = fill(job.getAttribute('data-count'), d.done, d.total);
          if (d.finished) { clearInterval(poll); location.reload(); }
        })
        .catch(function () { /* a missed poll is retried by the next one */ });
    }, 500);
  }

  // Import rows: ticking a row keeps it in the import, at once (the "save selection" button is for pages without
  // this script); the import button says how many rows it will import.
  var selection = document.getElementById('row-selection');
  if (job && selection) {
    var save = document.getElementById('save-selection');
    if (save) save.hidden = true;
    var saved = document.getElementById('selection-status');
    selection.addEventListener('change', function (ev) {
      if (!ev.target.classList.contains('keep')) return;
      var form = new URLSearchParams();
      form.append('shown', ev.target.value);
      if (ev.target.checked) form.append('keep', ev.target.value);
      fetch(selection.getAttribute('action'), {
        method: 'POST', credentials: 'same-origin', body: form,
        headers: {'X-CSRF-Token': csrf, 'Accept': 'application/json'}
      }).then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
        .then(function (d) {
          var apply = document.getElementById('apply-import');
          if (apply) {
            apply.textContent = d.selected === 1 ? job.getAttribute('data-apply-one')
              : fill(job.getAttribute('data-apply-label'), d.selected);
            apply.disabled = d.selected === 0;
          }
          var left = document.getElementById('left-out');
          if (left) {
            left.hidden = d.leftOut === 0;
            left.textContent = fill(job.getAttribute('data-left-out'), d.leftOut);
          }
          saved.textContent = job.getAttribute('data-saved');
        })
        .catch(function () {
          ev.target.checked = !ev.target.checked;
          saved.textContent = job.getAttribute('data-save-failed');
        });
    });
  }

  // Review loop (issue 15): confirmations, select-all on the entry list, and search pickers.

  // Confirmation before a destructive action: a submit button with data-confirm (or, in a form with a
  // select[data-confirm-options], the chosen option's data-confirm) asks first in a modal <dialog>. Cancel and
  // Escape leave everything as it was; the focus starts on Cancel, the safe choice.
  var dialog = null;
  var confirmed = null;
  function confirmDialog(message, onOk) {
    if (!dialog) {
      dialog = document.createElement('dialog');
      dialog.id = 'confirm-dialog';
      dialog.setAttribute('aria-labelledby', 'confirm-title');
      dialog.setAttribute('aria-describedby', 'confirm-message');
      var title = document.createElement('h2');
      title.id = 'confirm-title';
      title.textContent = body.getAttribute('data-confirm-title');
      var text = document.createElement('p');
      text.id = 'confirm-message';
      var row = document.createElement('div');
      row.className = 'actions';
      var ok = document.createElement('button');
      ok.type = 'button';
      ok.id = 'confirm-ok';
      ok.className = 'danger';
      ok.textContent = body.getAttribute('data-confirm-ok');
      var cancel = document.createElement('button');
      cancel.type = 'button';
      cancel.id = 'confirm-cancel';
      cancel.textContent = body.getAttribute('data-confirm-cancel');
      row.appendChild(ok);
      row.appendChild(cancel);
      dialog.appendChild(title);
      dialog.appendChild(text);
      dialog.appendChild(row);
      body.appendChild(dialog);
      cancel.addEventListener('click', function () { dialog.close(); });
      ok.addEventListener('click', function () { dialog.close(); if (confirmed) confirmed(); });
    }
    dialog.querySelector('#confirm-message').textContent = message;
    confirmed = onOk;
    dialog.showModal();
    dialog.querySelector('#confirm-cancel').focus();
  }
  function confirmationFor(form, button) {
    if (button && button.getAttribute('data-confirm')) return button.getAttribute('data-confirm');
    var select = form.querySelector('select[data-confirm-options]');
    var option = select && select.options[select.selectedIndex];
    return option ? option.getAttribute('data-confirm') : null;
  }
  document.addEventListener('submit', function (ev) {
    var form = ev.target;
    var button = ev.submitter;
    if (form.getAttribute('data-confirmed') === 'yes') { form.removeAttribute('data-confirmed'); return; }
    var message = confirmationFor(form, button);
    if (!message) return;
    ev.preventDefault();
    confirmDialog(message, function () {
      form.setAttribute('data-confirmed', 'yes');
      form.requestSubmit(button || undefined);
    });
  }, true);

  // The entry list's "select all on this page" (delegated: search-as-you-type swaps the list in).
  document.addEventListener('change', function (ev) {
    if (!ev.target || ev.target.id !== 'select-all') return;
    document.querySelectorAll('#entries input[name="ids"]').forEach(function (box) { box.checked = ev.target.checked; });
  });

  // Search pickers (collections): type a few words, pick a suggestion with the mouse or the arrow keys and Enter.
  // The choice goes into the hidden "ref"; without script the typed words are sent and the server resolves them.
  document.querySelectorAll('.picker').forEach(function (picker) {
    var input = picker.querySelector('input[type="search"]');
    var list = picker.querySelector('[role="listbox"]');
    var ref = picker.closest('form').querySelector('input[name="ref"]');
    var timer = null;
    var active = -1;
    function options() { return list.querySelectorAll('[role="option"][data-ref]'); }
    function close() {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }
    function highlight(i) {
      var all = options();
      if (!all.length) return;
      active = (i + all.length) % all.length;
      all.forEach(function (o, k) { o.setAttribute('aria-selected', String(k === active)); });
      input.setAttribute('aria-activedescendant', all[active].id);
    }
    function choose(option) {
      ref.value = option.getAttribute('data-ref');
      input.value = option.getAttribute('data-label');
      close();
    }
    function show(items) {
      list.textContent = '';
      items.forEach(function (item, i) {
        var li = document.createElement('li');
        li.id = list.id + '-' + i;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        li.setAttribute('data-ref', item.ref);
        li.setAttribute('data-label', item.label);
        var label = document.createElement('span');
        label.textContent = item.label;
        li.appendChild(label);
        if (item.detail) {
          var detail = document.createElement('span');
          detail.className = 'hint';
          detail.textContent = ' · ' + item.detail;
          li.appendChild(detail);
        }
        li.addEventListener('mousedown', function (e) { e.preventDefault(); choose(li); });
        list.appendChild(li);
      });
      if (!items.length) {
        var none = document.createElement('li');
        none.className = 'hint';
        none.textContent = picker.getAttribute('data-none').replace('{0}', input.value.trim());
        list.appendChild(none);
      }
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      active = -1;
    }
    function suggest() {
      var q = input.value.trim();
      if (!q) { close(); return; }
      fetch(picker.getAttribute('data-suggest') + '&q=' + encodeURIComponent(q), {credentials: 'same-origin'})
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (items) { if (input.value.trim() === q) show(items); })
        .catch(close);
    }
    input.addEventListener('input', function () {
      ref.value = '';
      clearTimeout(timer);
      timer = setTimeout(suggest, 200);
    });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown') { e.preventDefault(); if (list.hidden) suggest(); else highlight(active + 1); }
      else if (e.key === 'ArrowUp') { e.preventDefault(); highlight(active - 1); }
      else if (e.key === 'Escape') { close(); }
      else if (e.key === 'Enter' && !list.hidden && active >= 0) { e.preventDefault(); choose(options()[active]); }
    });
    input.addEventListener('blur', function () { setTimeout(close, 150); });
  });
})();
