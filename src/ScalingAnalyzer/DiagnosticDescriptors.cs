using Microsoft.CodeAnalysis;

namespace ScalingAnalyzer;

/// <summary>Every descriptor the package reports, gathered in one place (the README rule table is generated from these).</summary>
public static class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor UnscaledFeature = Create(
        RuleIdentifiers.UnscaledFeature,
        title: "Feature tensor reaches training unscaled",
        messageFormat: "'{0}' spans about {1} when it reaches {2} in the training loop; {3}. Standardize or min-max scale it.",
        DiagnosticSeverity.Warning,
        description: "A float feature tensor whose values the analyzer can bound reaches a module's forward/call in a training loop with no scaling step on the way, and its bound is far from unit scale or its columns differ in scale by a large ratio. Gradient steps then barely move (or overshoot) the weights of those inputs.");

    public static readonly DiagnosticDescriptor MLNetMissingNormalizer = Create(
        RuleIdentifiers.MLNetMissingNormalizer,
        title: "Trainer that needs normalization consumes an unnormalized feature column",
        messageFormat: "{0} needs normalized features, but column '{1}' is not normalized before it in the pipeline{2}; append a normalizer such as NormalizeMeanVariance(\"{1}\") before the trainer",
        DiagnosticSeverity.Warning,
        description: "ML.NET documents, for each trainer, whether normalization is required. Trainers that require it diverge (OnlineGradientDescent throws on NaN weights) or converge to a poor model when the feature column has not been normalized.");

    public static readonly DiagnosticDescriptor UnreachableTarget = Create(
        RuleIdentifiers.UnreachableTarget,
        title: "Regression target is out of an adaptive optimizer's reach",
        messageFormat: "'{0}' reaches about {1}; {2} steps at lr {3} move a parameter about {4}. Standardize the target and un-scale predictions.",
        DiagnosticSeverity.Warning,
        description: "Adaptive optimizers (Adam, RMSProp, Adagrad, ...) move each parameter by about the learning rate per step, whatever the gradient's size. A regression target far larger than steps times learning rate asks for parameters the optimizer cannot reach in the training run.");

    public static readonly DiagnosticDescriptor UnboundedFeature = Create(
        RuleIdentifiers.UnboundedFeature,
        title: "Feature tensor from run-time data reaches training with no scaling step",
        messageFormat: "'{0}' is made from {1} whose range is unknown when it reaches {2} in the training loop; standardize or min-max scale it",
        DiagnosticSeverity.Info,
        description: "A feature tensor built from .NET data filled at run time (arrays, lists, parsed files) reaches a training forward/call with no scaling step on the way. The analyzer cannot bound its values, so this is a suggestion, silent in builds unless raised.");

    public static readonly DiagnosticDescriptor TrainServeSkew = Create(
        RuleIdentifiers.TrainServeSkew,
        title: "Module used on data scaled differently from its training data",
        messageFormat: "'{0}' {1}, but {2} was trained on {3}; {4}",
        DiagnosticSeverity.Warning,
        description: "A module trained on scaled inputs is applied, outside training, to input that did not go through the same scaling (raw data, or data scaled with statistics of other data); or the outputs of a module trained on a scaled target are printed, returned or compared with data in original units without mapping them back. The model then answers for numbers it never saw, silently.");

    public static readonly DiagnosticDescriptor StatisticsLeakage = Create(
        RuleIdentifiers.StatisticsLeakage,
        title: "Scaling statistics are fitted on rows later held out for evaluation",
        messageFormat: "{0} is computed over all rows of '{1}', but rows split off as '{2}' are held out for evaluation ({3}); fit it on the training rows only and apply it to the held-out rows",
        DiagnosticSeverity.Warning,
        description: "Scaling statistics (mean, spread, minimum, maximum, a fitted scaler or ML.NET normalizer) computed over every row before a train/test split carry the test rows' values into the features the model trains on, so the held-out score is optimistic: it no longer measures data the pipeline has never seen. Fit the statistics on the training rows and transform the held-out rows with them.");

    private static DiagnosticDescriptor Create(string id, string title, string messageFormat, DiagnosticSeverity severity, string description)
        => new(id, title, messageFormat, RuleIdentifiers.Category, severity, isEnabledByDefault: true, description: description, helpLinkUri: RuleIdentifiers.GetHelpUri(id));
}
