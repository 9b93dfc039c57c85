<#--
  Tone "warm" (zh-CN): empathy first, for upset or worried customers.
  Assigns the parts the channel layout arranges. Openers and apologies are chosen by the customer's
  emotion: name the feeling first, then the facts; never deny the feeling or blame the courier.
  Available: name (absent when unknown), emotion, channel, shopName, agentName.
-->
<#if name??>
  <#assign greeting = "亲爱的${name}，您好！">
<#else>
  <#assign greeting = "亲爱的顾客，您好！">
</#if>
<#-- Chat and email: a full sentence of empathy before the script. -->
<#assign opener = {
  "angry": "真的非常抱歉让您这么生气。换作是我遇到这样的事，也一定会很恼火，您的感受我完全理解。",
  "anxious": "特别理解您现在着急的心情，换成我也会一直惦记着。您放心，这件事我会一直跟进到底。",
  "disappointed": "满怀期待却等来这样的结果，换成我也会很失落，真的很抱歉让您失望了。",
  "neutral": "谢谢您来找我们，很高兴能为您服务。"
}[emotion]>
<#-- SMS: a few words at most; nothing when the customer is calm. -->
<#assign shortOpener = {
  "angry": "非常抱歉让您生气了，",
  "anxious": "知道您着急，正在跟进，",
  "disappointed": "很抱歉让您失望了，",
  "neutral": ""
}[emotion]>
<#assign closing = "有任何想法都可以随时告诉我，我一直都在。">
<#-- Public review replies: thanks, then apology, then what was done (the script), then commitment. -->
<#assign thanks = "谢谢您花时间写下评价，每一条反馈我们都会认真看。">
<#assign apology = {
  "angry": "这次让您这么生气，我们真的非常抱歉。",
  "anxious": "让您为此担心和等待，我们真的很抱歉。",
  "disappointed": "辜负了您的期待，我们真的很抱歉。",
  "neutral": "给您添麻烦了，真的很抱歉。"
}[emotion]>
<#assign commitment = "我们已经把您的反馈分享给团队，会继续改进，希望下次能带给您更好的体验。">
<#-- Email sign-off, above the agent's name. -->
<#assign signoff = "祝您生活愉快！">
