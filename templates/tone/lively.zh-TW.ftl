<#--
  Tone "lively" (zh-TW): casual and upbeat, for young shoppers.
  Assigns the parts the channel layout arranges. Openers and apologies are chosen by the customer's
  emotion: name the feeling first, then the facts; never deny the feeling or blame the courier.
  Available: name (absent when unknown), emotion, channel, shopName, agentName.
-->
<#if name??>
  <#assign greeting = "${name}，您好呀～">
<#else>
  <#assign greeting = "哈囉，您好呀～">
</#if>
<#-- Chat and email: a full sentence of empathy before the script. -->
<#assign opener = {
  "angry": "真的太抱歉了，讓您這麼生氣！換我也會超不爽的，我馬上幫您搞定。",
  "anxious": "懂您的著急！我這就幫您盯著～",
  "disappointed": "期待落空的感覺真的很難受，抱歉抱歉！",
  "neutral": "收到～馬上幫您看看！"
}[emotion]>
<#-- SMS: a few words at most; nothing when the customer is calm. -->
<#assign shortOpener = {
  "angry": "抱歉讓您生氣了！",
  "anxious": "懂您著急～",
  "disappointed": "抱歉讓您失望了，",
  "neutral": ""
}[emotion]>
<#assign closing = "還有什麼問題隨時敲我喔～">
<#-- Public review replies: thanks, then apology, then what was done (the script), then commitment. -->
<#assign thanks = "謝謝您的評價，每一則我們都有認真看喔！">
<#assign apology = {
  "angry": "這次讓您這麼不開心，真的很抱歉！",
  "anxious": "讓您擔心這麼久，真的抱歉！",
  "disappointed": "沒能讓您滿意，真的抱歉！",
  "neutral": "給您添麻煩了，抱歉！"
}[emotion]>
<#assign commitment = "我們會繼續努力改進，下次一定給您更好的體驗～">
<#-- Email sign-off, above the agent's name. -->
<#assign signoff = "謝謝您～">
