def test_the_facilitator_sees_the_process_overview(demo, client_as):
    response = client_as("konsulent").get(demo.get_absolute_url())
    assert response.status_code == 200
    assert "Dobbeltdokumentation i omsorgssystemet" in response.content.decode()
