<#--
  Tone "warm" (zh-TW): empathy first, for upset or worried customers.
  Assigns the parts the channel layout arranges. Openers and apologies are chosen by the customer's
  emotion: name the feeling first, then the facts; never deny the feeling or blame the courier.
  Available: name (absent when unknown), emotion, channel, shopName, agentName.
-->
<#if name??>
  <#assign greeting = "親愛的${name}，您好！">
<#else>
  <#assign greeting = "親愛的顧客，您好！">
</#if>
<#-- Chat and email: a full sentence of empathy before the script. -->
<#assign opener = {
  "angry": "真的非常抱歉讓您這麼生氣。換作是我遇到這種事，也一定會很火大，您的感受我完全理解。",
  "anxious": "非常理解您現在著急的心情，換成我也會一直掛心。請放心，這件事我會一路跟進到底。",
  "disappointed": "滿心期待卻等到這樣的結果，換成我也會很失落，真的很抱歉讓您失望了。",
  "neutral": "謝謝您來找我們，很高興能為您服務。"
}[emotion]>
<#-- SMS: a few words at most; nothing when the customer is calm. -->
<#assign shortOpener = {
  "angry": "非常抱歉讓您生氣了，",
  "anxious": "知道您著急，正在跟進，",
  "disappointed": "很抱歉讓您失望了，",
  "neutral": ""
}[emotion]>
<#assign closing = "有任何想法都可以隨時告訴我，我一直都在。">
<#-- Public review replies: thanks, then apology, then what was done (the script), then commitment. -->
<#assign thanks = "謝謝您花時間留下評價，每一則回饋我們都會認真看。">
<#assign apology = {
  "angry": "這次讓您這麼生氣，我們真的非常抱歉。",
  "anxious": "讓您為此擔心和等待，我們真的很抱歉。",
  "disappointed": "辜負了您的期待，我們真的很抱歉。",
  "neutral": "給您添麻煩了，真的很抱歉。"
}[emotion]>
<#assign commitment = "我們已把您的回饋分享給團隊，會持續改進，希望下次能帶給您更好的體驗。">
<#-- Email sign-off, above the agent's name. -->
<#assign signoff = "祝您生活愉快！">
