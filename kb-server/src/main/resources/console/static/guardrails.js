// Replybook console, rules pages: edit the compensation table, the wording rules and the tone mapping, try a ticket,
// a text or a customer's tags. Everything goes through /api/v1/compensation, /api/v1/wording and /api/v1/tone with
// the session and its CSRF token, so the
// API's validation is the only one; its errors ("rules[2].maxAmount") are shown next to the field they name, in the
// user's language: the console words them from their codes (POST /console/errors/text), never the API's English.
// Server data reaches the DOM through textContent only.
(function () {
  'use strict';
  var csrf = document.body.getAttribute('data-csrf');

  function call(method, url, payload, headers) {
    var h = {'Content-Type': 'application/json', 'X-CSRF-Token': csrf};
    Object.keys(headers || {}).forEach(function (k) { h[k] = headers[k]; });
    return fetch(url, {method: method, credentials: 'same-origin', headers: h, body: JSON.stringify(payload)})
      .then(function (r) { return r.json().then(function (d) { return {status: r.status, ok: r.ok, body: d}; }); });
  }

  /** The words of the API's errors (an answer's error object, or its field errors) in the user's language. */
  function errorTexts(status, errors) {
    var payload = {status: status, errors: errors.map(function (e) { return {reason: e.reason, args: e.args || {}}; })};
    return call('POST', document.body.getAttribute('data-base') + '/errors/text', payload)
      .then(function (r) { return r.body.texts; });
  }

  function errorText(r) {
    return errorTexts(r.status, [r.body.error || {}]).then(function (texts) { return texts[0]; });
  }

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text != null) e.textContent = String(text);
    return e;
  }

  /** A table of rule rows: add from the template, remove, number, read, and mark the API's field errors. */
  function RuleTable(table, template, addButton) {
    var body = table.tBodies[0];
    function renumber() {
      Array.prototype.forEach.call(body.rows, function (row, i) { row.querySelector('.row-number').textContent = String(i + 1); });
    }
    table.addEventListener('click', function (ev) {
      if (!ev.target.classList.contains('remove-row')) return;
      var row = ev.target.closest('tr');
      var next = row.nextElementSibling || row.previousElementSibling;
      row.remove();
      renumber();
      if (next) next.querySelector('input, select').focus(); else addButton.focus();
    });
    addButton.addEventListener('click', function () {
      var row = template.content.firstElementChild.cloneNode(true);
      body.appendChild(row);
      renumber();
      row.querySelector('input').focus();
    });
    return {
      rows: function () { return Array.prototype.slice.call(body.rows); },
      clearErrors: function () {
        table.querySelectorAll('[aria-invalid]').forEach(function (i) { i.removeAttribute('aria-invalid'); });
        table.querySelectorAll('.cell-error').forEach(function (e) { e.remove(); });
        table.querySelectorAll('tr.matched').forEach(function (r) { r.classList.remove('matched'); });
      },
      /** Marks "rules[2].maxAmount"; returns false when the error names no cell. */
      markError: function (field, message) {
        var m = /^rules\[(\d+)\]\.?([A-Za-z]*)/.exec(field || '');
        var row = m && body.rows[Number(m[1])];
        if (!row) return false;
        var input = row.querySelector('[data-field="' + m[2] + '"]') || row.querySelector('input');
        input.setAttribute('aria-invalid', 'true');
        var cell = input.closest('td');
        cell.appendChild(el('div', 'cell-error', message));
        return true;
      },
      highlight: function (index) {
        var row = body.rows[index];
        if (row) { row.classList.add('matched'); row.scrollIntoView({block: 'nearest'}); }
      }
    };
  }

  /** Saves a rules editor: PUT (with If-Match when it is versioned), success and errors next to the save button and the fields. */
  function save(section, table, status, payload) {
    table.clearErrors();
    status.className = '';
    status.textContent = '…';
    var versioned = section.hasAttribute('data-version');
    call('PUT', section.getAttribute('data-api'), payload,
      versioned ? {'If-Match': '"' + section.getAttribute('data-version') + '"'} : {})
      .then(function (r) {
        if (r.ok) {
          if (versioned) section.setAttribute('data-version', String(r.body.version));
          status.className = 'ok';
          status.textContent = section.getAttribute('data-saved');
          return;
        }
        status.className = 'error';
        if (r.status === 409) { status.textContent = section.getAttribute('data-conflict'); return; }
        var errors = (r.body.error && r.body.error.errors) || [r.body.error || {}];
        return errorTexts(r.status, errors).then(function (texts) {
          var unplaced = texts.filter(function (text, i) { return !table.markError(errors[i].field, text); });
          status.textContent = unplaced.length
            ? section.getAttribute('data-failed').replace('{0}', unplaced.join(' '))
            : section.getAttribute('data-invalid');
          var first = section.querySelector('[aria-invalid="true"]');
          if (first) first.focus();
        });
      })
      .catch(function () { status.className = 'error'; status.textContent = section.getAttribute('data-failed').replace('{0}', ''); });
  }

  function value(row, field) {
    var input = row.querySelector('[data-field="' + field + '"]');
    return input ? input.value.trim() : '';
  }

  function tags(text) {
    return text.split(/[,，;；]/).map(function (s) { return s.trim(); }).filter(Boolean);
  }

  // The compensation table.
  var policy = document.getElementById('policy');
  if (policy) {
    var policyTable = RuleTable(document.getElementById('policy-rules'), document.getElementById('policy-row'),
      document.getElementById('policy-add'));
    var policyStatus = document.getElementById('policy-status');
    document.getElementById('policy-save').addEventListener('click', function () {
      var rules = policyTable.rows().map(function (row) {
        var r = {category: value(row, 'category'), orderMin: value(row, 'orderMin') || '0',
          customerTags: tags(value(row, 'customerTags')), offer: value(row, 'offer'), maxAmount: value(row, 'maxAmount')};
        if (value(row, 'orderMax')) r.orderMax = value(row, 'orderMax');
        if (value(row, 'maxPercent')) r.maxPercent = value(row, 'maxPercent');
        return r;
      });
      save(policy, policyTable, policyStatus, {currency: document.getElementById('policy-currency').value.trim(), rules: rules});
    });

    var trying = document.getElementById('policy-try');
    var result = document.getElementById('try-result');
    document.getElementById('try-check').addEventListener('click', function () {
      policyTable.clearErrors();
      call('POST', trying.getAttribute('data-api'), {
        locale: trying.getAttribute('data-locale'), shop: trying.getAttribute('data-shop') || undefined, category: document.getElementById('try-category').value.trim(),
        orderAmount: document.getElementById('try-order').value.trim(), customerTags: tags(document.getElementById('try-tags').value),
        offer: document.getElementById('try-offer').value, amount: document.getElementById('try-amount').value.trim()
      }).then(function (r) {
        if (!r.ok) {
          result.className = 'error';
          return errorText(r).then(function (text) { result.textContent = trying.getAttribute('data-failed').replace('{0}', text); });
        }
        var d = r.body;
        var index = d.rule ? matchingRow(d.rule) : -1;
        var max = d.maxAmount + ' ' + d.currency;
        result.className = d.allowed ? 'ok' : 'warn';
        result.textContent = !d.rule ? trying.getAttribute('data-norule')
          : trying.getAttribute(d.allowed ? 'data-allowed' : 'data-over').replace('{0}', max).replace('{1}', String(index + 1));
        if (index >= 0) policyTable.highlight(index);
      });
    });
  }

  /** The row of the table showing the saved rule the check chose (the table may have unsaved edits: best effort). */
  function matchingRow(rule) {
    var rows = document.querySelectorAll('#policy-rules tbody tr');
    for (var i = 0; i < rows.length; i++) {
      if (value(rows[i], 'category') === rule.category && value(rows[i], 'offer') === rule.offer
          && (value(rows[i], 'orderMin') || '0') === rule.orderMin && value(rows[i], 'orderMax') === (rule.orderMax || '')
          && tags(value(rows[i], 'customerTags')).join(',') === rule.customerTags.join(',')) return i;
    }
    return -1;
  }

  // The wording rules.
  var wording = document.getElementById('wording');
  if (wording) {
    var wordingTable = RuleTable(document.getElementById('wording-rules'), document.getElementById('wording-row'),
      document.getElementById('wording-add'));
    document.getElementById('wording-save').addEventListener('click', function () {
      var rules = wordingTable.rows().map(function (row) {
        return {phrase: value(row, 'phrase'), severity: value(row, 'severity'), suggestion: value(row, 'suggestion'),
          reason: value(row, 'reason')};
      });
      save(wording, wordingTable, document.getElementById('wording-status'), {rules: rules});
    });
  }

  // The tone mapping (admins change it; leads read it).
  var toneMap = document.getElementById('tone-mapping');
  var toneSave = document.getElementById('tone-save');
  if (toneMap && toneSave) {
    var toneTable = RuleTable(document.getElementById('tone-rules'), document.getElementById('tone-row'),
      document.getElementById('tone-add'));
    toneSave.addEventListener('click', function () {
      var rules = toneTable.rows().map(function (row) { return {tag: value(row, 'tag'), tone: value(row, 'tone')}; });
      save(toneMap, toneTable, document.getElementById('tone-status'), {rules: rules});
    });
  }

  // Try a customer's tags and message: the tone the mapping (saved, not the table's unsaved edits) gives them.
  var toneTry = document.getElementById('tone-try');
  if (toneTry) {
    var words = document.getElementById('tone-words');
    var toneResult = document.getElementById('tone-try-result');
    document.getElementById('tone-try-check').addEventListener('click', function () {
      call('POST', toneTry.getAttribute('data-api'), {tags: tags(document.getElementById('tone-try-tags').value),
        text: document.getElementById('tone-try-text').value, shop: toneTry.getAttribute('data-shop') || undefined})
        .then(function (r) {
          if (!r.ok) {
            toneResult.className = 'error';
            return errorText(r).then(function (t) { toneResult.textContent = toneTry.getAttribute('data-failed').replace('{0}', t); });
          }
          var d = r.body;
          toneResult.className = 'ok';
          toneResult.textContent = toneTry.getAttribute('data-result')
            .replace('{0}', words.getAttribute('data-tone-' + d.tone) || d.tone)
            .replace('{1}', words.getAttribute('data-emotion-' + d.emotion) || d.emotion)
            + (d.matchedTag ? ' ' + toneTry.getAttribute('data-matched').replace('{0}', d.matchedTag) : '');
          toneResult.setAttribute('data-tone', d.tone);
        });
    });
  }

  // Try a text: the text with what the rules find marked, and each finding with what to write instead.
  var tryText = document.getElementById('try-text');
  if (tryText) {
    var input = document.getElementById('try-text-input');
    var marked = document.getElementById('try-text-marked');
    var list = document.getElementById('try-text-findings');
    var check = function () {
      var text = input.value;
      call('POST', tryText.getAttribute('data-api'), {locale: tryText.getAttribute('data-locale'),
        shop: tryText.getAttribute('data-shop') || undefined, text: text})
        .then(function (r) {
          marked.textContent = '';
          list.textContent = '';
          if (!r.ok) {
            return errorText(r).then(function (t) { marked.textContent = tryText.getAttribute('data-failed').replace('{0}', t); });
          }
          var at = 0;
          r.body.findings.forEach(function (f) {
            if (f.start < at) return; // overlapping findings: the list below names them all
            marked.appendChild(document.createTextNode(text.slice(at, f.start)));
            var mark = el('mark', 'finding-' + f.severity, text.slice(f.start, f.end));
            mark.title = f.reason;
            marked.appendChild(mark);
            at = f.end;
          });
          marked.appendChild(document.createTextNode(text.slice(at)));
          if (!r.body.findings.length) list.appendChild(el('li', 'ok', tryText.getAttribute('data-none')));
          r.body.findings.forEach(function (f) {
            var li = el('li', 'finding finding-' + f.severity);
            li.appendChild(el('strong', null, tryText.getAttribute('data-' + f.severity) + ' · ' + f.text));
            li.appendChild(document.createTextNode(' — ' + f.reason + ' '));
            if (f.suggestion) li.appendChild(el('span', 'suggestion', tryText.getAttribute('data-instead') + ' ' + f.suggestion));
            list.appendChild(li);
          });
        });
    };
    document.getElementById('try-text-check').addEventListener('click', check);
    check();
  }
})();
