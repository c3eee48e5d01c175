using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ScalingAnalyzer.Analysis;

/// <summary>A TorchSharp call being interpreted: its receiver's and arguments' values, looked up by parameter name.</summary>
internal readonly struct TorchCall
{
    public TorchCall(TrainingInterpreter interpreter, IInvocationOperation invocation, AbstractValue? receiver, AbstractValue[] arguments)
    {
        Interpreter = interpreter;
        Invocation = invocation;
        Receiver = receiver;
        Arguments = arguments;
    }

    public TrainingInterpreter Interpreter { get; }
    public IInvocationOperation Invocation { get; }
    public AbstractValue? Receiver { get; }
    public AbstractValue[] Arguments { get; }

    public string Name => Invocation.TargetMethod.Name;

    private bool ReceiverIsTensor => Receiver is not null && Interpreter.Symbols.IsTensor(Invocation.Instance?.Type);

    /// <summary>The n-th data operand: the receiver of x.add(y) first, else the arguments in order (torch.add(x, y)).</summary>
    public AbstractValue Operand(int n)
    {
        if (ReceiverIsTensor)
        {
            if (n == 0)
                return Receiver!;
            n--;
        }
        return n < Arguments.Length ? Arguments[n] : AbstractValue.Unknown;
    }

    /// <summary>The tensor the function reads: x in x.f() or torch.f(x).</summary>
    public AbstractValue FirstTensor()
    {
        if (ReceiverIsTensor)
            return Receiver!;
        for (var i = 0; i < Arguments.Length; i++)
        {
            if (Interpreter.Symbols.IsTensor(Invocation.Arguments[i].Value.Type))
                return Arguments[i];
        }
        return AbstractValue.Unknown;
    }

    public IArgumentOperation? ArgumentOperation(string parameterName)
    {
        foreach (var argument in Invocation.Arguments)
        {
            if (argument.Parameter?.Name == parameterName)
                return argument;
        }
        return null;
    }

    public AbstractValue? Argument(string parameterName)
    {
        for (var i = 0; i < Arguments.Length; i++)
        {
            if (Invocation.Arguments[i].Parameter?.Name == parameterName)
                return Arguments[i];
        }
        return null;
    }

    /// <summary>A constant argument (written or defaulted) of the given parameter name.</summary>
    public double? Constant(string parameterName)
        => Argument(parameterName) is { Range.IsConstant: true } value ? value.Range.Low : null;

    public double? ConstantAt(int index)
        => index < Arguments.Length && Arguments[index].Range.IsConstant ? Arguments[index].Range.Low : null;
}
