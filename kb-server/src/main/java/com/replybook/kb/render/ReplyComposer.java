package com.replybook.kb.render;

import com.replybook.kb.vocabulary.Channel;
import com.replybook.kb.vocabulary.SupportedLocale;

import freemarker.core.HTMLOutputFormat;
import freemarker.template.Template;
import freemarker.template.TemplateModelException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One reply: the script's body inside the tone's parts inside the channel layout, then the channel's
 * rules (redaction for public replies, one line and segments for SMS) and the HTML cleaner.
 */
final class ReplyComposer {

    /** What an HTML layout leaves of a greeting paragraph without the greeting. */
    private static final Pattern EMPTY_FIRST_PARAGRAPH = Pattern.compile("^\\s*<p>\\s*</p>\\s*");

    /** Personal values shorter than this are not searched for in public replies: too many false hits ("12"). */
    private static final int MIN_LEAK_LENGTH = 3;

    private final ScriptCompiler compiler;
    private final Layouts layouts;
    private final Map<SupportedLocale, VariableTexts> texts;

    ReplyComposer(ScriptCompiler compiler, Layouts layouts, Map<SupportedLocale, VariableTexts> texts) {
        this.compiler = compiler;
        this.layouts = layouts;
        this.texts = texts;
    }

    RenderResult compose(RenderRequest request, ReplyAdvisor.Advice advice) {
        Channel channel = request.parsedChannel();
        SupportedLocale locale = request.resolvedLocale();
        boolean publicReply = channel == Channel.REVIEW;
        Map<String, Object> values = new HashMap<>(request.context());
        values.putAll(advice.values()); // the advisor's values win: a client cannot supply what the policy gives
        TicketContext context = TicketContext.of(values);
        RenderLog log = new RenderLog();

        Template script = compiler.compile(request.script());
        String body = TextTidy.normalise(
                compiler.run(script, ScriptModel.root(context, texts.get(locale), publicReply, request.acceptedFallbacks(), log), log));

        Map<String, Object> model = layoutModel(request, locale, context, publicReply);
        model.put("body", body);
        Map<String, String> tone = voiced(layouts.toneParts(request.parsedTone(), locale, model), request, context,
                locale, publicReply, log);
        if (!request.greeting()) tone.put("greeting", ""); // the agent's reply already greets the customer
        model.put("tone", tone);
        Layouts.Output text = channelText(channel, locale, false, model, request.voice(), log);
        String plain = TextTidy.normalise(text.text());
        String html = null;
        if (channel == Channel.EMAIL) {
            model.put("bodyHtml", markup(HtmlCleaner.fromText(body)));
            html = channelText(channel, locale, true, model, request.voice(), log).text();
        }
        if (publicReply) {
            plain = withoutPersonalData(TextTidy.removeRedacted(plain), context, log);
        }
        int segments = 0;
        if (channel == Channel.SMS) {
            plain = SmsEncoding.gsmWherePossible(TextTidy.oneLine(plain, locale.isChinese()));
            segments = SmsEncoding.segments(plain);
            if (segments > 1) {
                log.warn("sms-segments", Integer.toString(segments));
            }
        }
        html = HtmlCleaner.clean(html != null ? html : HtmlCleaner.fromText(plain));
        advice.warnings().forEach(log::add);
        if (!request.greeting()) html = EMPTY_FIRST_PARAGRAPH.matcher(html).replaceFirst("");
        return new RenderResult(plain, html, log.warnings(), locale.tag(), channel.id(), text.subject(),
                plain.codePointCount(0, plain.length()), segments, log.fillIns());
    }

    /**
     * The tone's parts in the request's shop's voice: its greeting and closing (run like scripts, in the sandbox, with
     * the stand-in words the script accepts) and its sign-off replace the layout's where the shop has them.
     */
    private Map<String, String> voiced(Map<String, String> parts, RenderRequest request, TicketContext context,
                                       SupportedLocale locale, boolean publicReply, RenderLog log) {
        Voice voice = request.voice();
        if (voice == Voice.NONE) return parts;
        Map<String, String> out = new java.util.LinkedHashMap<>(parts);
        for (Map.Entry<String, String> line : Map.of("greeting", nz(voice.greeting()), "closing", nz(voice.closing()))
                .entrySet()) {
            if (Voice.given(line.getValue())) {
                out.put(line.getKey(), TextTidy.normalise(compiler.run(compiler.compile(line.getValue()),
                        ScriptModel.root(context, texts.get(locale), publicReply, request.acceptedFallbacks(), log), log)));
            }
        }
        if (Voice.given(voice.signature())) out.put("signoff", voice.signature());
        return out;
    }

    /**
     * The channel layout's output: the shop's own layout where it keeps one (run like a script, in the sandbox; the
     * subject of an email stays the built-in layout's), else the built-in one.
     */
    private Layouts.Output channelText(Channel channel, SupportedLocale locale, boolean html, Map<String, Object> model,
                                       Voice voice, RenderLog log) {
        Layouts.Output builtIn = layouts.channel(channel, locale, html, model);
        String path = Layouts.channelPath(channel, locale, html);
        String own = voice.layouts().get(path);
        if (!Voice.given(own)) return builtIn;
        return new Layouts.Output(compiler.runLayout(compiler.compileLayout(path, own), model, log), builtIn.subject());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Values the layouts may show; absent ones are left out so layouts can test them with {@code ??}. */
    private static Map<String, Object> layoutModel(
            RenderRequest request, SupportedLocale locale, TicketContext context, boolean publicReply) {
        Map<String, Object> model = new HashMap<>();
        model.put("emotion", request.parsedEmotion().id());
        model.put("channel", request.parsedChannel().id());
        model.put("toneName", request.parsedTone().id());
        model.put("locale", locale.tag());
        putIfPresent(model, "shopName", Voice.given(request.voice().shopName()) ? request.voice().shopName()
                : context.get("shop.name"));
        putIfPresent(model, "agentName", context.get("agent.name"));
        putIfPresent(model, "agentId", context.get("agent.id"));
        if (!publicReply) {
            putIfPresent(model, "name", context.get("customer.name"));
            putIfPresent(model, "ticketId", context.get("ticket.id"));
            putIfPresent(model, "orderId", context.get("order.id"));
        }
        return model;
    }

    private static void putIfPresent(Map<String, Object> model, String key, String value) {
        if (value != null) {
            model.put(key, value);
        }
    }

    /** Defence in depth for public replies: any personal value still present is masked and reported. */
    private static String withoutPersonalData(String text, TicketContext context, RenderLog log) {
        String checked = text;
        for (Map.Entry<String, String> personal : context.personalValues().entrySet()) {
            String value = personal.getValue();
            if (value.codePointCount(0, value.length()) >= MIN_LEAK_LENGTH && checked.contains(value)) {
                checked = checked.replace(value, "***");
                log.warn("redacted", personal.getKey());
            }
        }
        return checked;
    }

    private static Object markup(String safeHtml) {
        try {
            return HTMLOutputFormat.INSTANCE.fromMarkup(safeHtml);
        } catch (TemplateModelException e) {
            throw new IllegalStateException(e);
        }
    }
}
