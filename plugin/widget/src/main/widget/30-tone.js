/*
 * Replybook widget, part 30: tone and channel. The channel comes from the ticket, the tone from kb-server's
 * suggestion (customer tags and mood); the agent may change both, and the preview follows.
 */
(function (global) {
  'use strict';

  var R = global.Replybook;
  var el = R.util.el;

  R.on('init', function (w) {
    w.tone = 'standard';
    w.channel = 'email';
    w.emotion = 'neutral';
  });

  R.on('context', function (w) {
    if (R.CHANNELS.indexOf(w.ctx.channel) >= 0) w.channel = w.ctx.channel;
  });

  R.define({
    /** The tone and channel selectors and the customer's mood, in parent. */
    buildToneBar: function (parent) {
      var self = this;
      var bar = el('div', 'rb-bar');
      this.toneSelect = this.select(bar, 'rb-tone', 'tone', R.TONES, this.tone);
      this.channelSelect = this.select(bar, 'rb-channel', 'channel', R.CHANNELS, this.channel);
      this.mood = el('span', 'rb-mood');
      bar.appendChild(this.mood);
      parent.appendChild(bar);
      this.toneSelect.addEventListener('change', function () {
        self.tone = self.toneSelect.value;
        self.renderSelected();
      });
      this.channelSelect.addEventListener('change', function () {
        self.channel = self.channelSelect.value;
        self.renderSelected();
      });
    },

    select: function (parent, cls, label, values, current) {
      var wrap = el('label', 'rb-field');
      wrap.appendChild(el('span', null, this.t(label)));
      var s = el('select', cls);
      for (var i = 0; i < values.length; i++) {
        var o = el('option', null, this.t(label + '.' + values[i]));
        o.value = values[i];
        s.appendChild(o);
      }
      s.value = current;
      wrap.appendChild(s);
      parent.appendChild(wrap);
      return s;
    },

    suggestTone: function () {
      var self = this;
      var body = this.withShop({
        tags: (this.ctx.customer && this.ctx.customer.tags) || [],
        text: this.latestCustomerText(),
        channel: this.channel
      });
      return this.api('POST', '/api/v1/tone/suggest', body).then(function (res) {
        if (res && R.TONES.indexOf(res.tone) >= 0) {
          self.tone = res.tone;
          self.toneSelect.value = res.tone;
        }
        if (res && res.emotion) self.emotion = res.emotion;
        self.mood.textContent = self.t('mood') + ': ' + self.t('emotion.' + self.emotion);
        self.mood.setAttribute('data-emotion', self.emotion);
        self.renderSelected();
      }).catch(function (e) {
        if (global.console) console.warn('Replybook: no tone suggestion', e);
      });
    }
  });
})(window);
