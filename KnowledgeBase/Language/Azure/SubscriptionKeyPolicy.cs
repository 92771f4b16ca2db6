using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace FirstLine.KnowledgeBase.Language.Azure;

/// <summary>Adds the <c>Ocp-Apim-Subscription-Key</c> header to every try; the key may be rotated at run time.</summary>
internal sealed class SubscriptionKeyPolicy(AzureKeyCredential credential) : HttpPipelineSynchronousPolicy
{
    public const string Header = "Ocp-Apim-Subscription-Key";

    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.Request.Headers.SetValue(Header, credential.Key);
    }
}
