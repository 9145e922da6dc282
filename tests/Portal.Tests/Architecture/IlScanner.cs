using System.Reflection;
using System.Reflection.Emit;

namespace Portal.Tests.Architecture;

/// <summary>
/// Reads the IL of every method body of an assembly (lambdas, iterators and async state machines included: they are
/// methods of nested compiler-generated types) and reports what it calls or constructs and the strings it loads.
/// </summary>
public static class IlScanner
{
    private static readonly OpCode[] OneByte = new OpCode[256], TwoBytes = new OpCode[256];

    static IlScanner()
    {
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var code = (OpCode)field.GetValue(null)!;
            var value = (ushort)code.Value;
            if (code.Size == 1) OneByte[value] = code;
            else TwoBytes[value & 0xff] = code;
        }
    }

    /// <summary>A method or constructor called, constructed (newobj) or taken as a delegate, by a method of the assembly.</summary>
    public static IEnumerable<(MethodBase Caller, MethodBase Callee)> Calls(Assembly assembly) =>
        Operands(assembly, OperandType.InlineMethod).Select(o => (o.Method, Callee: ResolveMethod(o.Method, o.Token))).Where(c => c.Callee is not null).Select(c => (c.Method, c.Callee!));

    /// <summary>A string literal (ldstr) of a method of the assembly.</summary>
    public static IEnumerable<(MethodBase Method, string Literal)> Strings(Assembly assembly) =>
        Operands(assembly, OperandType.InlineString).Select(o => (o.Method, o.Method.Module.ResolveString(o.Token)));

    /// <summary>The type a reader would name: the outermost type, for a lambda's or a state machine's nested class.</summary>
    public static Type Owner(MethodBase method)
    {
        var type = method.DeclaringType!;
        while (type.DeclaringType is not null) type = type.DeclaringType;
        return type;
    }

    /// <summary>"Namespace.Type.Method" as written in the source, for a lambda's or a state machine's method too.</summary>
    public static string Describe(MethodBase method)
    {
        var name = method.Name;
        var type = method.DeclaringType!.Name;
        if (name.StartsWith('<') && name.IndexOf('>') > 1) name = name[1..name.IndexOf('>')];
        else if (type.StartsWith('<') && type.IndexOf('>') > 1) name = type[1..type.IndexOf('>')];
        return $"{Owner(method).FullName}.{name}";
    }

    private static MethodBase? ResolveMethod(MethodBase method, int token)
    {
        try
        {
            var type = method.DeclaringType;
            return method.Module.ResolveMethod(token,
                type is { IsGenericType: true } ? type.GetGenericArguments() : null,
                method is MethodInfo { IsGenericMethod: true } ? method.GetGenericArguments() : null);
        }
        catch (Exception ex) when (ex is ArgumentException or TypeLoadException or FileNotFoundException or MissingMethodException or BadImageFormatException)
        {
            return null;
        }
    }

    private static IEnumerable<(MethodBase Method, int Token)> Operands(Assembly assembly, OperandType kind)
    {
        foreach (var method in Methods(assembly))
        {
            var il = method.GetMethodBody()?.GetILAsByteArray();
            if (il is null) continue;
            var found = new List<int>();
            for (var i = 0; i < il.Length;)
            {
                var code = il[i] == 0xFE ? TwoBytes[il[++i]] : OneByte[il[i]];
                i++;
                if (code.OperandType == kind) found.Add(BitConverter.ToInt32(il, i));
                i += code.OperandType switch
                {
                    OperandType.InlineNone => 0,
                    OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                    OperandType.InlineVar => 2,
                    OperandType.InlineI8 or OperandType.InlineR => 8,
                    OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, i),
                    _ => 4,
                };
            }
            foreach (var token in found) yield return (method, token);
        }
    }

    private static IEnumerable<MethodBase> Methods(Assembly assembly)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        Type?[] types;
        try { types = assembly.GetTypes(); }
        catch (ReflectionTypeLoadException ex) { types = ex.Types; }
        foreach (var type in types.OfType<Type>())
        {
            foreach (var constructor in type.GetConstructors(all)) yield return constructor;
            foreach (var method in type.GetMethods(all)) yield return method;
        }
    }
}
