<#--
  Tone "standard" (zh-CN): friendly and plain.
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
  "angry": "这件事让您很生气，我完全理解，换成我也会不满意。",
  "anxious": "理解您着急的心情，我这就帮您处理。",
  "disappointed": "没能让您满意，真的很抱歉。",
  "neutral": "感谢您联系我们。"
}[emotion]>
<#-- SMS: a few words at most; nothing when the customer is calm. -->
<#assign shortOpener = {
  "angry": "抱歉让您不满意，",
  "anxious": "理解您着急，",
  "disappointed": "抱歉让您失望了，",
  "neutral": ""
}[emotion]>
<#assign closing = "如果还有其他问题，随时告诉我。">
<#-- Public review replies: thanks, then apology, then what was done (the script), then commitment. -->
<#assign thanks = "感谢您的评价和反馈。">
<#assign apology = {
  "angry": "这次的经历让您很不愉快，我们真诚地向您道歉。",
  "anxious": "让您为这件事担心了，非常抱歉。",
  "disappointed": "没能达到您的期待，我们很抱歉。",
  "neutral": "给您带来不便，我们很抱歉。"
}[emotion]>
<#assign commitment = "我们会认真复盘这次的问题，持续改进商品和服务。">
<#-- Email sign-off, above the agent's name. -->
<#assign signoff = "祝好！">
