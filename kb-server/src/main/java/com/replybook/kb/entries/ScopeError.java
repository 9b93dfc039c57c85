package com.replybook.kb.entries;

import com.replybook.kb.web.ErrorCode;

/**
 * Messages about who reads and changes what (issue 20): shops, a user's shops, personal snippets and tone versions
 * (see {@link ErrorCode}).
 */
public enum ScopeError implements ErrorCode {
    SHOP_UNKNOWN("scope.shopUnknown", "No shop '{shop}'; GET /api/v1/shops lists the shops", "shop"),
    SHOP_NOT_YOURS("scope.shopNotYours", "You work for {yours} only, not for shop '{shop}'", "yours", "shop"),
    SHOPS_UNKNOWN("scope.shopsUnknown", "shops names {shops}, which are not shops; GET /api/v1/shops lists the shops,"
            + " and none means every shop", "shops"),
    SHOP_TWICE("scope.shopTwice", "The request names shop '{first}' and shop '{second}'; send one of them", "first",
            "second"),
    NOT_IN_SHOP("scope.notInShop", "No entry with id or key '{ref}' in shop '{shop}'", "ref", "shop"),
    FOREIGN_SHOPS("scope.foreignShops", "You work for {yours} only, not for {shops}", "yours", "shops"),
    NAME_YOUR_SHOPS("scope.nameYourShops", "Name the shops of this entry (you work for {yours}): an entry of every "
            + "shop reaches shops you do not work for", "yours"),
    ALSO_OTHER_SHOPS("scope.alsoOtherShops", "This entry is also used by shops you do not work for ({shops}); ask "
            + "someone who works for them to change it", "shops"),
    EVERY_SHOP_ENTRY("scope.everyShopEntry", "This entry is used by every shop, also those you do not work for; ask "
            + "someone who works for every shop to change it"),
    COLLECTION_OF_OTHER_SHOPS("scope.collectionOfOtherShops", "This collection also holds items of shops you do not "
            + "work for; ask someone who works for every shop to publish, unpublish or delete it"),
    EVERY_SHOP_CASE("scope.everyShopCase", "This case belongs to every shop, also those you do not work for; ask "
            + "someone who works for every shop to change it"),
    KEY_TAKEN("scope.keyTaken", "key '{key}' is taken by an entry you cannot change", "key"),
    OWNER_ONLY("scope.ownerOnly", "Only {owner} changes their personal entry; a lead may promote it into the team "
            + "library", "owner"),
    PERSONAL_STAYS("scope.personalStays", "A personal entry joins the team library when a lead promotes it: "
            + "POST /api/v1/entries/{key}/promote", "key"),
    TEAM_STAYS("scope.teamStays", "A team entry stays in the team library; copy its text into a new personal entry "
            + "to keep a version of your own"),
    NOT_REVIEWED("scope.notReviewed", "A personal entry is not reviewed: save it as draft, published or archived; a "
            + "lead can promote it into the team library, where it is reviewed"),
    PERSONAL_IN_LOOP("scope.personalInLoop", "Entry '{ref}' is a personal entry of {owner}: it is not reviewed. A "
            + "lead can promote it into the team library (POST /api/v1/entries/{ref}/promote), where it is reviewed "
            + "like any entry", "ref", "owner"),
    ALREADY_TEAM("scope.alreadyTeam", "Entry '{ref}' is in the team library already", "ref"),
    VISIBILITY("scope.visibility", "visibility must be one of {values}", "values"),
    TONE_UNKNOWN("scope.toneUnknown", "'{tone}' is not a tone; use {tones}", "tone", "tones");

    private final Def def;

    ScopeError(String code, String english, String... args) {
        this.def = new Def(code, english, args);
    }

    @Override
    public Def def() {
        return def;
    }
}
