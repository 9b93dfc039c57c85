<#--
  Tone "lively" (en): casual and upbeat, for young shoppers.
  Assigns the parts the channel layout arranges. Openers and apologies are chosen by the customer's
  emotion: name the feeling first, then the facts; never deny the feeling or blame the courier.
  Available: name (absent when unknown), emotion, channel, shopName, agentName.
-->
<#if name??>
  <#assign greeting = "Hey ${name}!">
<#else>
  <#assign greeting = "Hey there!">
</#if>
<#-- Chat and email: a full sentence of empathy before the script. -->
<#assign opener = {
  "angry": "We're so sorry, we'd be annoyed too! Let's get this fixed right away.",
  "anxious": "Totally get it, waiting is the worst! I'm on it.",
  "disappointed": "Oh no, that's such a letdown. Really sorry!",
  "neutral": "Got it, let me take a look!"
}[emotion]>
<#-- SMS: a few words at most; nothing when the customer is calm. -->
<#assign shortOpener = {
  "angry": "So sorry about this!",
  "anxious": "We're on it!",
  "disappointed": "Sorry for the letdown!",
  "neutral": ""
}[emotion]>
<#assign closing = "Anything else? Just ping me anytime!">
<#-- Public review replies: thanks, then apology, then what was done (the script), then commitment. -->
<#assign thanks = "Thanks a ton for the review, we read every single one!">
<#assign apology = {
  "angry": "Really sorry this annoyed you!",
  "anxious": "Sorry for the worry and the wait!",
  "disappointed": "Sorry we let you down!",
  "neutral": "Sorry for the hassle!"
}[emotion]>
<#assign commitment = "We're on it and will keep making things better, promise!">
<#-- Email sign-off, above the agent's name. -->
<#assign signoff = "Cheers,">
