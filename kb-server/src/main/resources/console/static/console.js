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

  // Variable picker: insert ${name} at the caret of the script.
  var script = document.getElementById('script');
  document.querySelectorAll('.variables .var').forEach(function (btn) {
    btn.addEventListener('click', function () {
      var text = '${' + btn.getAttribute('data-var') + '}';
      var s = script.selectionStart, e = script.selectionEnd;
      script.value = script.value.slice(0, s) + text + script.value.slice(e);
      script.selectionStart = script.selectionEnd = s + text.length;
      script.focus();
      schedulePreview();
    });
  });

  // Live preview of every tone x channel, with the script's problems at line and column.
  var preview = document.getElementById('preview');
  var timer = null;
  function schedulePreview() {
    if (!preview) return;
    clearTimeout(timer);
    timer = setTimeout(runPreview, 500);
  }
  // A render warning ("kind:detail") in the page's language, from the grid's data-warning-<kind> attribute.
  function warningText(warning) {
    var m = /^([a-z-]+):(.*)$/.exec(warning);
    var text = m && document.getElementById('preview-grid').getAttribute('data-warning-' + m[1]);
    return text ? text.replace('{0}', m[2]) : warning;
  }
  function runPreview() {
    var status = document.getElementById('preview-status');
    var context;
    try {
      context = JSON.parse(document.getElementById('preview-context').value || '{}');
    } catch (err) {
      status.textContent = status.getAttribute('data-badjson');
      return;
    }
    var locale = document.getElementById('locale').value;
    var sms = document.getElementById('smsScript');
    var review = document.getElementById('reviewScript');
    post(preview.getAttribute('data-url'), {script: script.value, smsScript: sms ? sms.value : '',
        reviewScript: review ? review.value : '', locale: locale, context: context})
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (data) {
        status.textContent = '';
        var list = document.getElementById('script-problems');
        list.textContent = '';
        data.problems.forEach(function (p) {
          var li = document.createElement('li');
          li.className = 'problem';
          li.setAttribute('data-line', p.line);
          li.setAttribute('data-column', p.column);
          li.setAttribute('data-field', p.field);
          var version = p.field !== 'script' && document.getElementById(p.field);
          var where = version ? version.getAttribute('data-label') + ' ' : '';
          li.textContent = where + p.line + ':' + p.column + ' ' + p.message;
          list.appendChild(li);
        });
        document.querySelectorAll('#preview-grid .cell').forEach(function (cell) {
          cell.querySelector('.text').textContent = '';
          cell.querySelector('.warnings').textContent = '';
        });
        data.cells.forEach(function (c) {
          var cell = document.querySelector('#preview-grid .cell[data-tone="' + c.tone + '"][data-channel="' + c.channel + '"]');
          if (!cell) return;
          cell.querySelector('.text').textContent = c.error ? c.error : c.text;
          (c.warnings || []).forEach(function (w) {
            var li = document.createElement('li');
            li.setAttribute('data-warning', w);
            li.textContent = warningText(w);
            cell.querySelector('.warnings').appendChild(li);
          });
        });
        preview.setAttribute('data-rendered', String(Date.now()));
      })
      .catch(function () { status.textContent = status.getAttribute('data-error'); });
  }
  if (preview && script) {
    script.addEventListener('input', schedulePreview);
    ['smsScript', 'reviewScript'].forEach(function (id) {
      if (document.getElementById(id)) document.getElementById(id).addEventListener('input', schedulePreview);
    });
    document.getElementById('preview-context').addEventListener('input', schedulePreview);
    document.getElementById('preview-refresh').addEventListener('click', runPreview);
    runPreview();
  }

  // Synonyms: read and save through the search API with the session.
  var syn = document.getElementById('synonyms');
  if (syn) {
    var area = document.getElementById('synonyms-text');
    var out = document.getElementById('synonyms-status');
    fetch(syn.getAttribute('data-api'), {credentials: 'same-origin'})
      .then(function (r) { return r.json(); })
      .then(function (d) { area.value = (d.rules || []).join('\n'); out.textContent = syn.getAttribute('data-loaded'); });
    document.getElementById('synonyms-save').addEventListener('click', function () {
      var rules = area.value.split('\n').map(function (s) { return s.trim(); }).filter(Boolean);
      post(syn.getAttribute('data-api'), {rules: rules}, 'PUT').then(function (r) {
        return r.json().then(function (d) {
          out.textContent = r.ok ? syn.getAttribute('data-saved')
            : syn.getAttribute('data-failed').replace('{0}', d.error ? d.error.message : r.status);
        });
      });
    });
  }

  // Import jobs: poll progress until the job finishes, then reload to show the result.
  var job = document.getElementById('job');
  if (job && job.getAttribute('data-finished') !== 'true') {
    var poll = setInterval(function () {
      fetch(job.getAttribute('data-progress'), {credentials: 'same-origin'})
        .then(function (r) { return r.json(); })
        .then(function (d) {
          document.getElementById('job-progress').value = d.percent;
          document.getElementById('job-count').textContent = d.done + ' / ' + d.total;
          if (d.finished) { clearInterval(poll); location.reload(); }
        });
    }, 400);
  }
})();
