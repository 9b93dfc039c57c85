<#--
  Tone "standard" (zh-TW): friendly and plain.
  Assigns the parts the channel layout arranges. Openers and apologies are chosen by the customer's
  emotion: name the feeling first, then the facts; never deny the feeling or blame the courier.
  Available: name (absent when unknown), emotion, channel, shopName, agentName.
-->
<#if name??>
  <#assign greeting = "${name}，您好！">
<#else>
  <#assign greeting = "您好！">
</#if>
<#-- Chat and email: a full sentence of empathy before the script. -->
<#assign opener = {
  "angry": "這件事讓您很生氣，我完全理解，換作是我也會不滿意。",
  "anxious": "理解您著急的心情，我馬上幫您處理。",
  "disappointed": "沒能讓您滿意，真的很抱歉。",
  "neutral": "感謝您與我們聯絡。"
}[emotion]>
<#-- SMS: a few words at most; nothing when the customer is calm. -->
<#assign shortOpener = {
  "angry": "抱歉讓您不滿意，",
  "anxious": "理解您著急，",
  "disappointed": "抱歉讓您失望了，",
  "neutral": ""
}[emotion]>
<#assign closing = "如果還有其他問題，隨時告訴我。">
<#-- Public review replies: thanks, then apology, then what was done (the script), then commitment. -->
<#assign thanks = "感謝您的評價與回饋。">
<#assign apology = {
  "angry": "這次的經驗讓您很不愉快，我們誠心向您道歉。",
  "anxious": "讓您為這件事擔心了，非常抱歉。",
  "disappointed": "沒能達到您的期待，我們很抱歉。",
  "neutral": "造成您的不便，我們很抱歉。"
}[emotion]>
<#assign commitment = "我們會認真檢討這次的問題，持續改善商品與服務。">
<#-- Email sign-off, above the agent's name. -->
<#assign signoff = "祝您順心！">
