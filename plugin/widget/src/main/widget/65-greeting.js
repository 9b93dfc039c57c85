/*
 * Replybook widget, part 65: no second greeting. When the reply box already starts with a greeting ("Hi Emma,",
 * "王女士，您好"), the reply is rendered again without its own and that is inserted, so the customer never reads
 * "Hi Emma,Dear Emma Stone,". Needs host.editorText() (optional: without it, replies keep their greeting).
 */
(function (global) {
  'use strict';

  var R = global.Replybook;

  /**
   * A greeting at the start of a reply, in zh and en: 亲爱的…, 尊敬的…, …您好 (not 您好像), 嗨, Hi, Hello, Dear,
   * Good morning… Only the first line counts.
   */
  var GREETING = new RegExp('^(?:亲爱的|親愛的|尊敬的|敬愛的|敬爱的|嗨|哈[喽囉嘍]|Hi\\b|Hello\\b|Hey\\b|Dear\\b|Greetings\\b'
    + '|Good (?:morning|afternoon|evening)\\b|[^\\n。！!？?]{0,16}?(?:您好|你好|早上好|下午好|晚上好|早安|午安)(?!像))', 'i');

  /** True when text (the reply box's) starts with a greeting. */
  R.startsWithGreeting = function (text) {
    var first = String(text || '').replace(/^\s+/, '').split('\n')[0];
    return GREETING.test(first);
  };

  /**
   * An edited reply without its greeting, when it starts with one: the greeting up to its punctuation
   * ("Hi Emma," "王女士，您好！"), or its whole first line when it has none.
   */
  function withoutGreeting(reply) {
    var start = reply.text.replace(/^\s+/, '');
    var m = GREETING.exec(start.split('\n')[0]);
    if (!m) return reply;
    var rest = start.slice(m[0].length);
    var end = /^[^\n，,！!。:：]*[，,！!。:：]|^[^\n]*/.exec(rest)[0];
    var text = rest.slice(end.length).replace(/^\s+/, '');
    return { html: R.paragraphs(text), text: text, notes: reply.notes.concat(['insertedWithoutGreeting']), edited: true };
  }

  R.prepareInsert(function (w, reply) {
    if (!w.host.editorText) return reply;
    return Promise.resolve(w.host.editorText()).then(function (existing) {
      if (!R.startsWithGreeting(existing)) return reply;
      if (reply.edited) return withoutGreeting(reply); // the agent's own words: not rendered again
      var body = w.renderBody();
      body.greeting = false;
      return w.api('POST', '/api/v1/entries/' + encodeURIComponent(w.entry.id) + '/render', body).then(function (res) {
        return { html: res.html, text: res.text, notes: reply.notes.concat(['insertedWithoutGreeting']) };
      });
    }, function (e) {
      if (global.console) console.warn('Replybook: cannot read the reply box', e);
      return reply;
    });
  });
})(window);
