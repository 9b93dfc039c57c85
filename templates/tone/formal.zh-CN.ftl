<#--
  Tone "formal" (zh-CN): courteous and precise, for business buyers.
  Assigns the parts the channel layout arranges. Openers and apologies are chosen by the customer's
  emotion: name the feeling first, then the facts; never deny the feeling or blame the courier.
  Available: name (absent when unknown), emotion, channel, shopName, agentName.
-->
<#if name??>
  <#assign greeting = "尊敬的${name}，您好！">
<#else>
  <#assign greeting = "尊敬的客户，您好！">
</#if>
<#-- Chat and email: a full sentence of empathy before the script. -->
<#assign opener = {
  "angry": "对于此次给您带来的不满，我们深表歉意，您的意见我们高度重视。",
  "anxious": "我们理解此事对您的紧迫性，已第一时间跟进处理。",
  "disappointed": "此次未能达到您的预期，我们深表歉意。",
  "neutral": "感谢您的来信。"
}[emotion]>
<#-- SMS: a few words at most; nothing when the customer is calm. -->
<#assign shortOpener = {
  "angry": "深表歉意，",
  "anxious": "理解此事紧急，",
  "disappointed": "未达预期，深表歉意，",
  "neutral": ""
}[emotion]>
<#assign closing = "如需进一步协助，请随时与我们联系。">
<#-- Public review replies: thanks, then apology, then what was done (the script), then commitment. -->
<#assign thanks = "感谢您的评价与宝贵意见。">
<#assign apology = {
  "angry": "此次给您带来的不快，我们深表歉意。",
  "anxious": "让您为此事费心等待，我们深表歉意。",
  "disappointed": "此次未能达到您的预期，我们深表歉意。",
  "neutral": "由此给您带来的不便，我们深表歉意。"
}[emotion]>
<#assign commitment = "我们将就此事进行内部复盘，并持续完善产品与服务。">
<#-- Email sign-off, above the agent's name. -->
<#assign signoff = "顺颂商祺！">
