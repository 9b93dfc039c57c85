<#--
  Tone "lively" (zh-CN): casual and upbeat, for young shoppers.
  Assigns the parts the channel layout arranges. Openers and apologies are chosen by the customer's
  emotion: name the feeling first, then the facts; never deny the feeling or blame the courier.
  Available: name (absent when unknown), emotion, channel, shopName, agentName.
-->
<#if name??>
  <#assign greeting = "${name}，您好呀～">
<#else>
  <#assign greeting = "亲，您好呀～">
</#if>
<#-- Chat and email: a full sentence of empathy before the script. -->
<#assign opener = {
  "angry": "真的太抱歉了，让您这么生气！换我也会超不爽的，我马上帮您搞定。",
  "anxious": "懂您的着急！我这就帮您盯着～",
  "disappointed": "期待落空的感觉真的很难受，抱歉抱歉！",
  "neutral": "收到～马上帮您看看！"
}[emotion]>
<#-- SMS: a few words at most; nothing when the customer is calm. -->
<#assign shortOpener = {
  "angry": "抱歉让您生气了！",
  "anxious": "懂您着急～",
  "disappointed": "抱歉让您失望啦，",
  "neutral": ""
}[emotion]>
<#assign closing = "还有什么问题随时戳我哦～">
<#-- Public review replies: thanks, then apology, then what was done (the script), then commitment. -->
<#assign thanks = "谢谢您的评价，每一条我们都有认真看哦！">
<#assign apology = {
  "angry": "这次让您这么不开心，真的很抱歉！",
  "anxious": "让您担心这么久，真的抱歉！",
  "disappointed": "没能让您满意，真的抱歉！",
  "neutral": "给您添麻烦啦，抱歉！"
}[emotion]>
<#assign commitment = "我们会继续努力改进，下次一定给您更好的体验～">
<#-- Email sign-off, above the agent's name. -->
<#assign signoff = "比心～">
