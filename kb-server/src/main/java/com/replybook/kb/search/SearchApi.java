package com.replybook.kb.search;

import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.WarmUpPass;
import com.replybook.kb.entries.EntryScope;
import com.replybook.kb.entries.KnownShops;
import com.replybook.kb.entries.ScopeError;
import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.InputError;
import com.replybook.kb.web.Router;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The search feature's API. Any authenticated user; agents see published entries only; 503 while the index is
 * being built.
 * <ul>
 *   <li>{@code GET /api/v1/search?q=&limit=10&locale=&category=&tags=&status=&highlight=&family=&prefer=}</li>
 *   <li>{@code POST /api/v1/search/ticket}: suggestions from a whole ticket</li>
 *   <li>{@code GET /api/v1/search/status} → {@code {"ready","entries","pendingEmbeddings","generation"}}: whether
 *       searches rank as well as they will yet (answered while the index is being built too)</li>
 *   <li>Both list one hit per family of locale versions ({@link FamilyCollapse}), the one in {@code prefer} where
 *       there is one, unless {@code family=false}</li>
 *   <li>{@code GET /api/v1/suggest?q=&limit=8&locale=}: type-ahead from the first character</li>
 * </ul>
 */
final class SearchApi {

    static final int SEARCH_LIMIT = 10;
    static final int SUGGEST_LIMIT = 8;

    private static final Logger LOG = Logger.getLogger(SearchApi.class.getName());

    private final SearchService search;
    /** What the start-up replay's requests are answered by ({@link WarmUpPass}): no result cache, no meters. */
    private final SearchService uncached;
    private final SynonymService synonyms;
    private final CustomerTextListener customerText;
    private final KnownShops shops;

    SearchApi(SearchService search, SynonymService synonyms, CustomerTextListener customerText, KnownShops shops) {
        this.search = search;
        this.uncached = search.uncached();
        this.synonyms = synonyms;
        this.customerText = customerText;
        this.shops = shops;
    }

    void routes(Router<ApiCall> api) {
        api.get("/api/v1/search", this::search)
                .post("/api/v1/search/ticket", this::searchTicket)
                .get("/api/v1/search/status", this::status)
                .get("/api/v1/suggest", this::suggest);
        new SynonymApi(synonyms, shops).routes(api);
    }

    private void search(ApiCall call) throws IOException {
        SearchRequest request = SearchParams.read(call.request(), SEARCH_LIMIT, shops);
        Principal caller = Principal.of(call);
        String prefer = preferredLocale(call.request().getParameter("prefer"), caller);
        String family = call.request().getParameter("family");
        boolean folded = family == null || family.isBlank() || SearchParams.flag("family", family);
        SearchService ready = searchFor(caller).ready();
        call.json(200, folded ? ready.searchFamilies(request, prefer) : ready.search(request));
    }

    /** Any role: whether what is stored ranks as well as it will (index caught up, every entry embedded). */
    private void status(ApiCall call) throws IOException {
        Principal.of(call);
        call.setHeader("Cache-Control", "no-store");
        call.json(200, search.status());
    }

    private void searchTicket(ApiCall call) throws IOException {
        Ticket ticket = call.readJson(Ticket.class);
        if (ticket == null) throw ApiException.badRequest(null, SearchError.TICKET);
        if (ticket.limit() != null) SearchParams.limit(ticket.limit().toString(), 5);
        for (int i = 0; i < ticket.messages().size(); i++) {
            if (ticket.messages().get(i) == null || ticket.messages().get(i).text() == null) {
                throw ApiException.badRequest("messages[" + i + "].text", SearchError.MESSAGE_TEXT);
            }
        }
        Principal caller = Principal.of(call);
        var statuses = SearchParams.statuses(call.request().getParameter("status"), caller);
        String prefer = preferredLocale(ticket.prefer(), caller);
        EntryScope scope = ticketScope(call, ticket, caller);
        SearchService ready = searchFor(caller).ready();
        var results = Boolean.FALSE.equals(ticket.family()) ? ready.searchTicket(ticket, statuses, scope)
                : ready.searchTicketFamilies(ticket, statuses, scope, prefer);
        if (!WarmUpPass.is(caller)) {
            tell(ticket, scope.shops() != null && scope.shops().size() == 1 ? scope.shops().getFirst() : null);
        }
        call.json(200, results);
    }

    /** The search that answers {@code caller}: the uncached one for the start-up replay, so it searches every time. */
    private SearchService searchFor(Principal caller) {
        return WarmUpPass.is(caller) ? uncached : search;
    }

    /**
     * The scope of a ticket search: the ticket's {@code shop} (or the {@code shop} query parameter; 400 when both are
     * given and differ), else the caller's shops.
     */
    private EntryScope ticketScope(ApiCall call, Ticket ticket, Principal caller) {
        String param = call.query("shop");
        if (param != null && ticket.shop() != null && !param.equals(ticket.shop().strip())) {
            throw ApiException.badRequest("shop", ScopeError.SHOP_TWICE, ticket.shop(), param);
        }
        return SearchParams.scope(caller, param != null ? param : ticket.shop(), shops);
    }

    /**
     * Passes the customer's words on (see {@link CustomerTextListener}) before the answer goes out, so that what a
     * client reads after this call already counts them; never fails the search.
     */
    private void tell(Ticket ticket, String shop) {
        List<String> texts = new ArrayList<>();
        if (ticket.subject() != null && !ticket.subject().isBlank()) texts.add(ticket.subject());
        ticket.messages().stream().filter(Ticket.Message::fromCustomer).map(Ticket.Message::text).forEach(texts::add);
        try {
            customerText.heard(texts, shop);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The customer-text listener failed; the search was answered regardless", e);
        }
    }

    private void suggest(ApiCall call) throws IOException {
        SearchRequest request = SearchParams.read(call.request(), SUGGEST_LIMIT, shops);
        call.json(200, Map.of("suggestions", search.ready().searcher().suggest(request.within(
                search.lean(request.scope())))));
    }

    /**
     * The {@code prefer} locale of a search: a BCP 47 tag such as {@code zh-CN}; without one, the caller's own locale
     * (an agent reads the family's version in their language, the others one click away), or null when unknown.
     */
    private static String preferredLocale(String prefer, Principal caller) {
        if (prefer == null || prefer.isBlank()) return caller.locale();
        if (!SearchParams.LOCALE.matcher(prefer.trim()).matches()) {
            throw ApiException.badRequest("prefer", InputError.UNKNOWN_TERM, "prefer")
                    .withMessage("prefer must be a BCP 47 locale such as zh-CN, zh-TW or en");
        }
        return prefer.trim();
    }
}
