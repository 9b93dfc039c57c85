<#--
  Tone "warm" (en): empathy first, for upset or worried customers.
  Assigns the parts the channel layout arranges. Openers and apologies are chosen by the customer's
  emotion: name the feeling first, then the facts; never deny the feeling or blame the courier.
  Available: name (absent when unknown), emotion, channel, shopName, agentName.
-->
<#if name??>
  <#assign greeting = "Dear ${name},">
<#else>
  <#assign greeting = "Hello,">
</#if>
<#-- Chat and email: a full sentence of empathy before the script. -->
<#assign opener = {
  "angry": "I'm so sorry this has made you angry. In your place I'd feel exactly the same, and I completely understand.",
  "anxious": "I can only imagine how worrying this is; I'd feel the same. Please rest assured I'll stay on this until it's sorted.",
  "disappointed": "You were looking forward to this, and I'm truly sorry it turned out this way. I'd be disappointed too.",
  "neutral": "Thank you so much for reaching out. I'm glad to help."
}[emotion]>
<#-- SMS: a few words at most; nothing when the customer is calm. -->
<#assign shortOpener = {
  "angry": "So sorry for the frustration.",
  "anxious": "We know you're anxious; we're on it.",
  "disappointed": "So sorry to disappoint you.",
  "neutral": ""
}[emotion]>
<#assign closing = "If anything else comes up, I'm always here for you.">
<#-- Public review replies: thanks, then apology, then what was done (the script), then commitment. -->
<#assign thanks = "Thank you so much for taking the time to share your experience.">
<#assign apology = {
  "angry": "We're truly sorry this made you so upset.",
  "anxious": "We're so sorry for the worry and the wait.",
  "disappointed": "We're truly sorry we let you down.",
  "neutral": "We're sorry for the trouble this caused."
}[emotion]>
<#assign commitment = "We've shared your feedback with the team and will keep improving, so that your next experience is a better one.">
<#-- Email sign-off, above the agent's name. -->
<#assign signoff = "Warm regards,">
