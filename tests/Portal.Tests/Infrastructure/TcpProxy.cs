using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// Forwards a local port to a server (a database): <see cref="Stop"/> cuts every connection and refuses new ones, as a
/// server that went down; <see cref="Start"/> on the same port brings it back; <see cref="Stalled"/> makes it hang.
/// </summary>
public sealed class TcpProxy(string targetHost, int targetPort) : IDisposable
{
    private readonly ConcurrentDictionary<Socket, byte> _open = new();
    private TcpListener? _listener;

    public int Port { get; private set; }

    /// <summary>While set, new connections are accepted but never answered: a server that hangs.</summary>
    public volatile bool Stalled;

    public void Start()
    {
        var listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _listener = listener;
        _ = Task.Run(() => AcceptAsync(listener));
    }

    public void Stop()
    {
        _listener?.Stop();
        _listener = null;
        foreach (var socket in _open.Keys) Close(socket);
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (true)
        {
            Socket client;
            try { client = await listener.AcceptSocketAsync(); }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or InvalidOperationException) { return; }
            if (Stalled) _open[client] = 0;
            else _ = Task.Run(() => ForwardAsync(client));
        }
    }

    private async Task ForwardAsync(Socket client)
    {
        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _open[client] = 0;
        _open[server] = 0;
        try
        {
            await server.ConnectAsync(targetHost, targetPort);
            await Task.WhenAny(PumpAsync(client, server), PumpAsync(server, client));
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or IOException) { }
        finally
        {
            Close(client);
            Close(server);
        }
    }

    private static async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer)) > 0) await to.SendAsync(buffer.AsMemory(0, read));
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException) { }
    }

    private void Close(Socket socket)
    {
        _open.TryRemove(socket, out _);
        try { socket.Shutdown(SocketShutdown.Both); } catch (Exception ex) when (ex is SocketException or ObjectDisposedException) { }
        socket.Dispose();
    }

    public void Dispose() => Stop();
}
